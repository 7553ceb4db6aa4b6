package com.nettoria.coreapi.common;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rule for identifiers an administrator chooses (datacenters, operating systems, plans): 2 to 63 lower-case
 * letters, digits and inner hyphens, e.g. {@code tehran-1}. They appear in URLs and events, so they never change.
 */
public final class Slug {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])");

    private Slug() {
    }

    /** Answers {@code value} when it is a valid slug; otherwise throws {@link IllegalArgumentException} naming {@code what}. */
    public static String require(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 2-63 lower-case letters, digits and inner hyphens: " + value);
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches();
    }
}
