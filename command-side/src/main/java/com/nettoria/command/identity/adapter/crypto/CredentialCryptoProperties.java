package com.nettoria.command.identity.adapter.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code nettoria.identity.*}: the keys and costs behind stored credentials (docs/credentials.md).
 *
 * @param hmacKey      base64 (standard or URL-safe) key of at least 32 bytes for one-time-code and token hashes;
 *                     the production setting, from the environment ({@code NETTORIA_IDENTITY_HMAC_KEY})
 * @param hmacKeyFile  used when {@code hmacKey} is empty: read, or generated owner-only when missing; default
 *                     {@code ${NETTORIA_DATA_DIR:.nettoria}/identity/hmac.key}
 * @param passwordHash the Argon2id cost of new password hashes
 */
@ConfigurationProperties("nettoria.identity")
public record CredentialCryptoProperties(String hmacKey, Path hmacKeyFile, PasswordHash passwordHash) {

    public CredentialCryptoProperties {
        passwordHash = passwordHash == null ? new PasswordHash(null) : passwordHash;
    }

    /** {@code nettoria.identity.password-hash.*}. */
    public record PasswordHash(Argon2 argon2) {

        public PasswordHash {
            argon2 = argon2 == null ? new Argon2(null, null, null) : argon2;
        }
    }

    /**
     * {@code nettoria.identity.password-hash.argon2.*}: OWASP's m = 19456 KiB, t = 2, p = 1 unless set. Lower
     * values are for tests only (a warning is logged).
     */
    public record Argon2(Integer memoryKib, Integer iterations, Integer parallelism) {

        public Argon2 {
            memoryKib = memoryKib == null ? Argon2Parameters.OWASP_DEFAULT.memoryKib() : memoryKib;
            iterations = iterations == null ? Argon2Parameters.OWASP_DEFAULT.iterations() : iterations;
            parallelism = parallelism == null ? Argon2Parameters.OWASP_DEFAULT.parallelism() : parallelism;
        }

        public Argon2Parameters parameters() {
            return new Argon2Parameters(memoryKib, iterations, parallelism);
        }
    }
}
