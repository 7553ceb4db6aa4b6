package com.nettoria.command.identity;

/**
 * Predictable secrets: the n-th numeric code of a test is {@code 100000 + n}, the n-th token {@code token-n},
 * the n-th recovery code {@code rcv-000n}; a hash is the secret in {@code h(…)}, so tests can write the hashes
 * they expect.
 */
final class FakeSecretCodes implements SecretCodes {

    private int numericCodes;
    private int tokens;
    private int recoveryCodes;

    static String hashOf(String secret) {
        return "h(" + secret + ")";
    }

    /** The n-th recovery code as handed out, e.g. {@code rcv-0003}. */
    static String recoveryCode(int n) {
        return String.format("rcv-%04d", n);
    }

    /** The n-th recovery code's hash as the account keeps it: of the code without dashes, blanks or capitals. */
    static String recoveryCodeHash(int n) {
        return hashOf(String.format("rcv%04d", n));
    }

    @Override
    public String newNumericCode(int digits) {
        numericCodes++;
        return String.format("%0" + digits + "d", 100_000 + numericCodes);
    }

    @Override
    public String newToken() {
        return "token-" + ++tokens;
    }

    @Override
    public String newRecoveryCode() {
        return recoveryCode(++recoveryCodes);
    }

    @Override
    public String hash(String secret) {
        return hashOf(secret);
    }

    @Override
    public boolean matches(String secret, String expectedHash) {
        return hashOf(secret).equals(expectedHash);
    }

    /** A sealed secret is the secret in {@code sealed(…)}. */
    static String sealedOf(String secret) {
        return "sealed(" + secret + ")";
    }

    @Override
    public String seal(String secret) {
        return sealedOf(secret);
    }

    @Override
    public String unseal(String sealed) {
        if (!sealed.startsWith("sealed(") || !sealed.endsWith(")")) {
            throw new IllegalStateException("not sealed: " + sealed);
        }
        return sealed.substring("sealed(".length(), sealed.length() - 1);
    }
}
