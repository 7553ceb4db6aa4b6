package com.nettoria.coreapi.vm;

import java.util.regex.Pattern;

/** A VM's host name is an RFC 1123 label: 1 to 63 lower-case letters, digits and inner hyphens. */
public final class VmHostnames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private VmHostnames() {
    }

    public static boolean valid(String hostname) {
        return hostname != null && LABEL.matcher(hostname).matches();
    }
}
