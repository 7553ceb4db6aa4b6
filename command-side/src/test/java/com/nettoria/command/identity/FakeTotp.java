package com.nettoria.command.identity;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A TOTP stand-in with RFC 6238's rules and an easy formula: in 30-second time step {@code s} the code of
 * {@code secret} is {@code (s + secret.hashCode()) mod 10^6} as six digits. Codes of the step before and after
 * count too (clock drift), a step at or before {@code lastUsedTimeStep} never does.
 */
final class FakeTotp implements TotpAuthenticator {

    private int secrets;

    static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 30);
    }

    static String codeAt(String secret, Instant instant) {
        return code(secret, stepAt(instant));
    }

    private static String code(String secret, long step) {
        return String.format("%06d", Math.floorMod(step + secret.hashCode(), 1_000_000L));
    }

    /** The n-th secret handed out. */
    static String secret(int n) {
        return "TOTPSECRET" + n;
    }

    @Override
    public String newSecret() {
        return secret(++secrets);
    }

    @Override
    public String otpauthUri(String secret, String accountName) {
        return "otpauth://totp/Nettoria:" + accountName + "?secret=" + secret + "&issuer=Nettoria";
    }

    @Override
    public String qrImageDataUri(String otpauthUri) {
        return "data:image/png;base64,qr(" + otpauthUri + ")";
    }

    @Override
    public OptionalLong verify(String secret, String code, Instant now, long lastUsedTimeStep) {
        long current = stepAt(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsedTimeStep && code(secret, step).equals(code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
