package com.nettoria.ui.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * One RSA key of the ring.
 *
 * @param keyId      its {@code kid}
 * @param publicKey  verifies the tokens it signed
 * @param privateKey signs tokens; null for a configured key that only verifies
 * @param created    when it was made (generated keys); null for configured keys, whose order is the configuration's
 */
public record SigningKey(String keyId, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant created) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    public boolean canSign() {
        return privateKey != null;
    }

    /** The public JWK as published at {@code /.well-known/jwks.json}: RS256, use {@code sig}, no private part. */
    public RSAKey publicJwk() {
        return new RSAKey.Builder(publicKey).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .build();
    }

    /** The JWK with its private part, for signing; only when {@link #canSign()}. */
    public RSAKey privateJwk() {
        if (privateKey == null) {
            throw new IllegalStateException("key " + keyId + " has no private part");
        }
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build();
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + ", created " + created + (canSign() ? ", can sign" : "") + "]";
    }
}
