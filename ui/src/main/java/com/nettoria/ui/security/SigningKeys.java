package com.nettoria.ui.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key that signs and verifies access tokens: read from configured PEM files, or, in the standalone
 * default, generated once and kept in {@code nettoria.security.jwt.generated-key-directory}.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final String keyId;

    public SigningKeys(JwtProperties properties) {
        this.keyId = properties.keyId();
        if (properties.publicKey() != null) {
            this.publicKey = read(properties.publicKey(), RsaKeyConverters.x509());
            this.privateKey = properties.privateKey() == null ? null
                    : read(properties.privateKey(), RsaKeyConverters.pkcs8());
        } else if (properties.generatedKeyDirectory() != null) {
            KeyPair pair = loadOrGenerate(properties.generatedKeyDirectory());
            this.publicKey = (RSAPublicKey) pair.getPublic();
            this.privateKey = (RSAPrivateKey) pair.getPrivate();
        } else {
            throw new IllegalStateException("no JWT key: set nettoria.security.jwt.public-key (and private-key to "
                    + "issue tokens) or nettoria.security.jwt.generated-key-directory");
        }
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public Optional<RSAKey> signingKey() {
        return privateKey == null ? Optional.empty()
                : Optional.of(new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId)
                .keyUse(KeyUse.SIGNATURE).algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build());
    }

    /** The public keys, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwks() {
        return new JWKSet(new RSAKey.Builder(publicKey).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build());
    }

    private static <T> T read(org.springframework.core.io.Resource resource,
                              org.springframework.core.convert.converter.Converter<InputStream, T> converter) {
        try (InputStream in = resource.getInputStream()) {
            return converter.convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWT key " + resource, e);
        }
    }

    private static KeyPair loadOrGenerate(Path directory) {
        Path publicPem = directory.resolve("jwt-public.pem");
        Path privatePem = directory.resolve("jwt-private.pem");
        try {
            if (Files.exists(publicPem) && Files.exists(privatePem)) {
                try (InputStream pub = Files.newInputStream(publicPem); InputStream priv = Files.newInputStream(privatePem)) {
                    return new KeyPair(RsaKeyConverters.x509().convert(pub), RsaKeyConverters.pkcs8().convert(priv));
                }
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a JWT signing key pair in {} (standalone default; configure "
                    + "nettoria.security.jwt.public-key/private-key in production)", directory.toAbsolutePath());
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the JWT key pair in " + directory, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
