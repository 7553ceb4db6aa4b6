package com.nettoria.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code nettoria.security.jwt.*}: how access tokens are signed and checked (RS256 only).
 *
 * @param issuer         the {@code iss} every token must carry
 * @param audience       the {@code aud} every token must carry
 * @param accessTokenTtl lifetime of the access tokens this platform issues
 * @param publicKey      PEM (X.509 SubjectPublicKeyInfo) of the signing key, e.g. {@code file:/etc/nettoria/jwt.pub}
 * @param privateKey     PEM (PKCS#8) of the signing key; without it this process only validates tokens
 * @param keyId          the {@code kid} of the key
 * @param generatedKeyDirectory where a key pair is generated and kept when no key is configured (standalone);
 *                       empty to refuse to start without configured keys
 */
@ConfigurationProperties("nettoria.security.jwt")
public record JwtProperties(String issuer,
                            String audience,
                            Duration accessTokenTtl,
                            Resource publicKey,
                            Resource privateKey,
                            String keyId,
                            Path generatedKeyDirectory) {

    public JwtProperties {
        issuer = issuer == null ? "nettoria" : issuer;
        audience = audience == null ? "nettoria-api" : audience;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        keyId = keyId == null ? "nettoria-1" : keyId;
    }
}
