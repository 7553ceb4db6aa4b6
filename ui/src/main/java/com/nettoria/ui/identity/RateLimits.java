package com.nettoria.ui.identity;

/**
 * The rate-limit policies of the identity endpoints (configured under {@code nettoria.security.rate-limits}).
 * Anonymous per-account limits are keyed by account and address, so that nobody can lock an account out from
 * elsewhere; {@link #ACCOUNT_ANY_ADDRESS} bounds guessing spread over many addresses.
 */
final class RateLimits {

    static final String LOGIN_PER_ACCOUNT = "login-per-account";
    static final String LOGIN_PER_IP = "login-per-ip";
    static final String CODE_ENTRY_PER_ACCOUNT = "code-entry-per-account";
    static final String CODE_SEND_PER_ACCOUNT = "code-send-per-account";
    static final String RECOVERY_PER_IP = "recovery-per-ip";
    static final String REGISTRATION_PER_IP = "registration-per-ip";
    /** A looser limit per account over all addresses (distributed guessing), above the per-address ones. */
    static final String ACCOUNT_ANY_ADDRESS = "account-any-address";

    private RateLimits() {
    }
}
