package com.nettoria.command.identity.adapter.crypto;

import com.nettoria.command.identity.PasswordHasher;
import com.nettoria.coreapi.identity.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;

/**
 * Spring Security's {@link DelegatingPasswordEncoder}: new hashes are Argon2id ({@code {argon2}$argon2id$v=19$m=…}),
 * and {@code {pbkdf2}} hashes (PBKDF2-HMAC-SHA256, 600,000 iterations, 16-byte salt, hex) still match, should
 * hashes ever come from a FIPS-bound system. Argon2 reads its cost from each stored hash, so hashes made with
 * older parameters keep matching after the parameters are raised.
 * <p>
 * Passwords are normalised to Unicode NFKC before hashing (NIST SP 800-63B 5.1.1.2), so the same password typed
 * as composed or decomposed characters on different devices gives the same hash.
 */
public final class SpringPasswordHasher implements PasswordHasher {

    private static final Logger log = LoggerFactory.getLogger(SpringPasswordHasher.class);

    static final String ARGON2 = "argon2";
    static final String PBKDF2 = "pbkdf2";
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    /** OWASP's figure for PBKDF2-HMAC-SHA256. It is not stored in the hash: changing it breaks existing ones. */
    static final int PBKDF2_ITERATIONS = 600_000;

    private final PasswordEncoder encoder;
    private final String dummyHash;

    public SpringPasswordHasher(Argon2Parameters argon2) {
        if (!argon2.meetsOwaspMinimum()) {
            log.warn("Argon2id parameters {} are below OWASP's minimum (m=19456 KiB, t=2, p=1): acceptable in tests only",
                    argon2);
        }
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, argon2.parallelism(), argon2.memoryKib(),
                        argon2.iterations()),
                PBKDF2, new Pbkdf2PasswordEncoder("", SALT_BYTES, PBKDF2_ITERATIONS,
                        Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256)));
        delegating.setDefaultPasswordEncoderForMatches(new MatchesNothing());
        this.encoder = delegating;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    @Override
    public String hash(Secret password) {
        return encoder.encode(normalize(password));
    }

    @Override
    public boolean matches(Secret password, String hash) {
        if (hash == null || hash.isEmpty()) {
            matchAgainstDummy(password);
            return false;
        }
        return encoder.matches(normalize(password), hash);
    }

    @Override
    public void matchAgainstDummy(Secret password) {
        encoder.matches(normalize(password), dummyHash);
    }

    /** The hash {@link #matchAgainstDummy} checks against: made at start-up with the current parameters. */
    String dummyHash() {
        return dummyHash;
    }

    private static String normalize(Secret password) {
        return Normalizer.normalize(password.value(), Normalizer.Form.NFKC);
    }

    /** For stored hashes without a known {@code {id}} prefix: they match no password. */
    private static final class MatchesNothing implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("only used for matching");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            log.warn("A stored password hash names no known algorithm ({argon2} or {pbkdf2}); it matches nothing");
            return false;
        }
    }
}
