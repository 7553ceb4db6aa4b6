package com.nettoria.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code nettoria.security.jwt.*}: how this platform's access tokens are signed and checked (RS256 only) and
 * how its key ring rotates. See {@code docs/security.md}.
 *
 * @param issuer                the {@code iss} every token must carry
 * @param audience              the {@code aud} every token must carry
 * @param accessTokenTtl        lifetime of the access tokens this platform issues
 * @param publicKey             PEM (X.509 SubjectPublicKeyInfo) of a configured key, e.g. {@code file:/etc/nettoria/jwt.pub};
 *                              with {@link #keys} it is the oldest key of the ring (verification only)
 * @param privateKey            PEM (PKCS#8) of that key; without it this process only validates tokens
 * @param keyId                 the {@code kid} of {@link #publicKey}, and of the first generated key pair
 *                              ({@code jwt-public.pem}/{@code jwt-private.pem})
 * @param generatedKeyDirectory where key pairs are generated and kept when no key is configured (standalone, or
 *                              nodes sharing a directory); empty to refuse to start without configured keys
 * @param keys                  configured keys, newest first: the first signs, the others only verify; rotating
 *                              configured keys means putting a new key first
 * @param keyRetention          how long a key that stopped signing still verifies (generated keys); at least
 *                              {@link #accessTokenTtl}, so every token it signed can expire first
 *                              (default: 1h, or twice the token lifetime when that is longer)
 * @param rotationInterval      when set, a new generated key is made once the active one is this old; off
 *                              ({@code null}) by default
 * @param keyReloadInterval     how often the generated-key directory is read again, so that nodes sharing it see
 *                              each other's new keys (a token with an unknown {@code kid} also triggers a read)
 */
@ConfigurationProperties("nettoria.security.jwt")
public record JwtProperties(String issuer,
                            String audience,
                            Duration accessTokenTtl,
                            Resource publicKey,
                            Resource privateKey,
                            String keyId,
                            Path generatedKeyDirectory,
                            List<ConfiguredKey> keys,
                            Duration keyRetention,
                            Duration rotationInterval,
                            Duration keyReloadInterval) {

    /**
     * One configured RSA key.
     *
     * @param keyId      its {@code kid}, unique in the ring
     * @param publicKey  PEM (X.509 SubjectPublicKeyInfo)
     * @param privateKey PEM (PKCS#8); needed for the first key to issue tokens, never needed for the others
     */
    public record ConfiguredKey(String keyId, Resource publicKey, Resource privateKey) {
    }

    public JwtProperties {
        issuer = issuer == null ? "nettoria" : issuer;
        audience = audience == null ? "nettoria-api" : audience;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        keyId = keyId == null ? "nettoria-1" : keyId;
        keys = keys == null ? List.of() : List.copyOf(keys);
        if (keyRetention == null) {
            Duration twiceTheTokenLife = accessTokenTtl.multipliedBy(2);
            keyRetention = twiceTheTokenLife.compareTo(Duration.ofHours(1)) > 0 ? twiceTheTokenLife : Duration.ofHours(1);
        }
        keyReloadInterval = keyReloadInterval == null ? Duration.ofMinutes(1) : keyReloadInterval;
        if (keyRetention.compareTo(accessTokenTtl) < 0) {
            throw new IllegalArgumentException("nettoria.security.jwt.key-retention (" + keyRetention
                    + ") must be at least nettoria.security.jwt.access-token-ttl (" + accessTokenTtl
                    + "): tokens signed by a previous key must stay valid until they expire");
        }
        if (rotationInterval != null && (rotationInterval.isZero() || rotationInterval.isNegative())) {
            throw new IllegalArgumentException("nettoria.security.jwt.rotation-interval must be positive; "
                    + "leave it unset to rotate only on request");
        }
        if (keyReloadInterval.isZero() || keyReloadInterval.isNegative()) {
            throw new IllegalArgumentException("nettoria.security.jwt.key-reload-interval must be positive");
        }
        Set<String> keyIds = new HashSet<>();
        for (ConfiguredKey key : keys) {
            if (key.keyId() == null || key.keyId().isBlank() || key.publicKey() == null) {
                throw new IllegalArgumentException("every nettoria.security.jwt.keys[] entry needs a key-id and a "
                        + "public-key");
            }
            if (!keyIds.add(key.keyId())) {
                throw new IllegalArgumentException("nettoria.security.jwt.keys[] names key-id " + key.keyId()
                        + " twice");
            }
        }
    }

    /** The configured keys in ring order (newest first), including the single {@link #publicKey} of old. */
    List<ConfiguredKey> configuredKeys() {
        if (publicKey == null) {
            return keys;
        }
        ConfiguredKey single = new ConfiguredKey(keyId, publicKey, privateKey);
        if (keys.stream().anyMatch(key -> key.keyId().equals(keyId))) {
            throw new IllegalArgumentException("nettoria.security.jwt.key-id " + keyId + " (of public-key) is also "
                    + "named in nettoria.security.jwt.keys[]");
        }
        return Stream.concat(keys.stream(), Stream.of(single)).toList();
    }
}
