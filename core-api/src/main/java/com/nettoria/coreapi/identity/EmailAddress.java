package com.nettoria.coreapi.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that one mailbox is one account. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidIdentityInputException("email", "not an email address");
        }
    }

    /** Accepts what a person types: surrounding blanks and capitals are not part of the address. */
    public static EmailAddress parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentityInputException("email", "an email address is required");
        }
        return new EmailAddress(input.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
