package com.nettoria.ui.security;

import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues the platform's RS256 access tokens, signed by the key ring's active key and naming it in {@code kid}
 * (the identity login uses it; so does the dev token endpoint).
 */
@Component
public class TokenIssuer {

    /** The claim that names the login session a token belongs to. */
    public static final String SESSION_ID_CLAIM = "sid";

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final JwtProperties properties;
    private final Clock clock;

    public TokenIssuer(JwtEncoder encoder, SigningKeys keys, JwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public record IssuedToken(String accessToken, String tokenType, long expiresIn) {
    }

    /** A token outside any login session (no {@code sid}): development tokens and tests. */
    public IssuedToken issue(String subject, Collection<String> roles) {
        return sign(subject, roles, null);
    }

    /**
     * A token of a login session: {@code sid} carries {@code sessionId}, which the {@link TokenSessionCheck} looks
     * up on every request.
     */
    public IssuedToken issue(String subject, Collection<String> roles, String sessionId) {
        return sign(subject, roles, Objects.requireNonNull(sessionId, "sessionId"));
    }

    private IssuedToken sign(String subject, Collection<String> roles, String sessionId) {
        RSAKey active = keys.signingKey().orElseThrow(() -> new IllegalStateException(
                "this node has no private JWT key and cannot issue tokens"));
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim(Roles.CLAIM, List.copyOf(roles));
        if (sessionId != null) {
            claims.claim(SESSION_ID_CLAIM, sessionId);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(active.getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, "Bearer", properties.accessTokenTtl().toSeconds());
    }
}
