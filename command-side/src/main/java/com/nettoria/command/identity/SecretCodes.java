package com.nettoria.command.identity;

/**
 * Random one-time secrets and their keyed hashes. The hash is an HMAC with a server key kept outside the
 * database, so that a copy of the event store does not let anyone brute-force a 6-digit code offline.
 */
public interface SecretCodes {

    /** {@code digits} random decimal digits, e.g. a 6-digit verification code. */
    String newNumericCode(int digits);

    /** 256 random bits, URL-safe (refresh tokens, challenge ids). */
    String newToken();

    /** A recovery code that is easy to type, e.g. {@code 7kq2-mx9p-4tr8}. */
    String newRecoveryCode();

    String hash(String secret);

    /** Constant-time comparison of {@code hash(secret)} with {@code expectedHash}. */
    boolean matches(String secret, String expectedHash);

    /**
     * Encrypts a secret that must be read back (a TOTP secret) under a key derived from the server key, so that
     * the event store holds it only sealed. Authenticated: a changed sealed text does not open.
     */
    String seal(String secret);

    /** @throws IllegalStateException when {@code sealed} was not sealed with this key or was changed */
    String unseal(String sealed);
}
