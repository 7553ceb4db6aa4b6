package com.nettoria.command.identity;

import java.time.Instant;
import java.util.OptionalLong;

/** RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30 s), as authenticator apps implement them. */
public interface TotpAuthenticator {

    /** A new random secret, base32. */
    String newSecret();

    /** {@code otpauth://totp/Nettoria:{account}?secret=…&issuer=Nettoria…}. */
    String otpauthUri(String secret, String accountName);

    /** The otpauth URI as a {@code data:image/png;base64,…} QR code. */
    String qrImageDataUri(String otpauthUri);

    /**
     * The time step that {@code code} belongs to, if it is valid at {@code now} (one step of clock drift either
     * way) and newer than {@code lastUsedTimeStep} (a code is never accepted twice).
     */
    OptionalLong verify(String secret, String code, Instant now, long lastUsedTimeStep);
}
