package com.nettoria.command.identity;

import java.time.Duration;

/** The numbers behind the account rules (OWASP ASVS level 2), in one place. */
public final class IdentityRules {

    /** One-time codes: 6 digits, alive 10 minutes, 5 tries, a new one no sooner than 60 s after the last. */
    static final int CODE_DIGITS = 6;
    static final Duration CODE_TTL = Duration.ofMinutes(10);
    static final int CODE_ATTEMPTS = 5;
    static final Duration CODE_RESEND_COOLDOWN = Duration.ofSeconds(60);

    /**
     * A session (a refresh token family) lives at most 12 hours from login, however often it is refreshed, and
     * ends after 30 minutes without a refresh (OWASP ASVS 3.3.2, level 2). Access tokens live 15 minutes, so an
     * active client refreshes well within the idle limit.
     */
    static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final Duration SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);

    /** The second factor must follow the password within 5 minutes and 5 tries. */
    static final Duration SECOND_FACTOR_TTL = Duration.ofMinutes(5);
    static final int SECOND_FACTOR_ATTEMPTS = 5;

    static final int RECOVERY_CODES = 10;

    /** How long a registration holds an email or mobile it has not verified against a later registration. */
    public static final Duration UNVERIFIED_CLAIM_TTL = Duration.ofHours(24);

    private IdentityRules() {
    }
}
