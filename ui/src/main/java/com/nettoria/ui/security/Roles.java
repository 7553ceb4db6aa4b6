package com.nettoria.ui.security;

/** The roles a token carries in its {@code roles} claim; Spring Security sees them as {@code ROLE_…}. */
public final class Roles {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String SUPPORT = "SUPPORT";
    public static final String ADMIN = "ADMIN";
    public static final String AUDITOR = "AUDITOR";
    public static final String CLAIM = "roles";

    private Roles() {
    }
}
