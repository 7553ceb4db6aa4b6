package com.nettoria.ui.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key ring on its own: the generated-key directory (old and new file layouts), rotation, retention,
 * nodes sharing the directory, automatic rotation and configured PEM keys. Time moves by hand.
 */
class SigningKeysTest {

    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration RETENTION = Duration.ofMinutes(30);

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-03-01T10:00:00Z"));

    private static JwtProperties properties(Path directory, Duration rotationInterval,
                                            List<JwtProperties.ConfiguredKey> keys) {
        return new JwtProperties("nettoria", "nettoria-api", TTL, null, null, null, directory, keys, RETENTION,
                rotationInterval, null);
    }

    private SigningKeys keys() {
        return new SigningKeys(properties(directory, null, null), clock);
    }

    /** A node: its ring, its issuer and its decoder, as the application wires them. */
    private record Node(SigningKeys keys, TokenIssuer issuer, JwtDecoder decoder) {

        String token() {
            return issuer.issue("alice", List.of(Roles.CUSTOMER), "session-1").accessToken();
        }

        boolean accepts(String token) {
            try {
                decoder.decode(token);
                return true;
            } catch (JwtException refused) {
                return false;
            }
        }

        List<String> publishedKeyIds() {
            return keys.publicJwks().getKeys().stream().map(JWK::getKeyID).toList();
        }
    }

    private Node node(JwtProperties properties) {
        SigningKeys keys = new SigningKeys(properties, clock);
        TokenIssuer issuer = new TokenIssuer(new NimbusJwtEncoder(keys.signingKeys()), keys, properties, clock);
        return new Node(keys, issuer, new SecurityConfiguration().jwtDecoder(keys, properties, clock));
    }

    private Node node() {
        return node(properties(directory, null, null));
    }

    private static String keyId(String token) throws ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    /** Signed by {@code key} as the issuer would, but valid for a day: only the key's retirement can refuse it. */
    private String outlivingItsKey(RSAKey key) throws Exception {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("nettoria").audience("nettoria-api").subject("alice")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofDays(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void generatesTheFirstKeyPairAsPemFilesUnderTheConfiguredKeyIdOnFirstStart() throws IOException {
        SigningKeys keys = keys();

        assertThat(keys.signingKey()).get().extracting(RSAKey::getKeyID).isEqualTo("nettoria-1");
        assertThat(directory.resolve("jwt-public.pem")).exists();
        assertThat(Files.getPosixFilePermissions(directory.resolve("jwt-private.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(keys.status()).singleElement().satisfies(key -> {
            assertThat(key.kid()).isEqualTo("nettoria-1");
            assertThat(key.active()).isTrue();
            assertThat(key.retiresAt()).isNull();
        });
    }

    @Test
    void keepsUsingAKeyPairWrittenBeforeKeysRotated() throws Exception {
        KeyPair existing = rsa();
        Files.writeString(directory.resolve("jwt-public.pem"), pem("PUBLIC KEY", existing.getPublic().getEncoded()));
        Files.writeString(directory.resolve("jwt-private.pem"), pem("PRIVATE KEY", existing.getPrivate().getEncoded()));

        SigningKeys keys = keys();

        assertThat(keys.publicKey()).isEqualTo(existing.getPublic());
        assertThat(keys.signingKey().orElseThrow().getKeyID()).isEqualTo("nettoria-1");
        assertThat(Files.list(directory).map(file -> file.getFileName().toString()))
                .as("nothing generated").doesNotContain("signing-key-");
    }

    @Test
    void rotationMakesANewSigningKeyWhileThePreviousOneStillVerifies() throws Exception {
        Node node = node();
        String beforeRotation = node.token();

        clock.advance(Duration.ofMinutes(1));
        SigningKeys.KeyStatus rotated = node.keys().rotate();
        String afterRotation = node.token();

        assertThat(rotated.active()).isTrue();
        assertThat(rotated.kid()).startsWith("nettoria-20250301T100100Z-");
        assertThat(keyId(beforeRotation)).isEqualTo("nettoria-1");
        assertThat(keyId(afterRotation)).isEqualTo(rotated.kid());
        assertThat(node.accepts(beforeRotation)).isTrue();
        assertThat(node.accepts(afterRotation)).isTrue();
        assertThat(node.publishedKeyIds()).containsExactly(rotated.kid(), "nettoria-1");
        assertThat(node.keys().status()).extracting(SigningKeys.KeyStatus::kid, SigningKeys.KeyStatus::active,
                        SigningKeys.KeyStatus::retiresAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rotated.kid(), true, null),
                        org.assertj.core.groups.Tuple.tuple("nettoria-1", false,
                                Instant.parse("2025-03-01T10:31:00Z")));
        assertThat(directory.resolve("signing-key-" + rotated.kid() + ".json")).exists();
        assertThat(Files.getPosixFilePermissions(directory.resolve("signing-key-" + rotated.kid() + ".json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aReplacedKeyRetiresOnceTheRetentionIsOverAndARotatedKeysFileIsThenDeleted() throws Exception {
        Node node = node();
        SigningKeys.KeyStatus second = node.keys().rotate();
        clock.advance(Duration.ofMinutes(1));
        String signedBySecondKey = outlivingItsKey(node.keys().signingKey().orElseThrow());
        SigningKeys.KeyStatus third = node.keys().rotate();

        clock.advance(RETENTION.minusMinutes(1));
        assertThat(node.publishedKeyIds()).as("the first key retired, replaced a minute earlier")
                .containsExactly(third.kid(), second.kid());
        clock.advance(Duration.ofMinutes(1).minusSeconds(1));
        assertThat(node.accepts(signedBySecondKey)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(node.publishedKeyIds()).containsExactly(third.kid());
        assertThat(node.accepts(signedBySecondKey)).as("retired key").isFalse();

        node.keys().maintain();

        assertThat(Files.list(directory).map(file -> file.getFileName().toString()).filter(name ->
                name.startsWith("signing-key-"))).containsExactly("signing-key-" + third.kid() + ".json");
        assertThat(directory.resolve("jwt-private.pem")).as("the first pair is never deleted").exists();
        assertThat(node.accepts(node.token())).isTrue();
    }

    @Test
    void aNodeSharingTheDirectoryVerifiesAKeyAnotherNodeJustMadeAtItsFirstToken() throws Exception {
        Node first = node();
        Node second = node();
        second.keys().rotate();

        String token = second.token();

        assertThat(first.publishedKeyIds()).containsExactly("nettoria-1");
        assertThat(first.accepts(token)).as("unknown kid: the directory is read again").isTrue();
        assertThat(first.publishedKeyIds()).containsExactly(keyId(token), "nettoria-1");
    }

    @Test
    void aNodeSharingTheDirectorySignsWithTheNewKeyAfterItsScheduledReload() throws Exception {
        Node first = node();
        Node second = node();
        SigningKeys.KeyStatus rotated = second.keys().rotate();

        first.keys().maintain();

        assertThat(keyId(first.token())).isEqualTo(rotated.kid());
    }

    @Test
    void readsTheDirectoryForUnknownKeysAtMostOncePerPause() throws Exception {
        Node first = node();
        Node second = node();
        second.keys().rotate();
        assertThat(first.accepts(second.token())).isTrue();

        clock.advance(Duration.ofSeconds(1));
        second.keys().rotate();
        String signedByThirdKey = second.token();

        assertThat(first.accepts(signedByThirdKey)).as("within the pause").isFalse();
        clock.advance(SigningKeys.UNKNOWN_KEY_RELOAD_PAUSE);
        assertThat(first.accepts(signedByThirdKey)).isTrue();
    }

    @Test
    void rotatesByItselfOnceTheActiveKeyIsAsOldAsTheRotationInterval() throws Exception {
        Node node = node(properties(directory, Duration.ofDays(30), null));

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        node.keys().maintain();
        assertThat(keyId(node.token())).isEqualTo("nettoria-1");

        clock.advance(Duration.ofSeconds(1));
        node.keys().maintain();
        String rotated = keyId(node.token());
        assertThat(rotated).isNotEqualTo("nettoria-1");

        Node other = node(properties(directory, Duration.ofDays(30), null));
        other.keys().maintain();
        assertThat(keyId(other.token())).as("one rotation per interval, not one per node").isEqualTo(rotated);
    }

    @Test
    void configuredKeysSignWithTheFirstVerifyWithAllAndDoNotRotate() throws Exception {
        KeyPair newest = rsa();
        KeyPair previous = rsa();
        Path newestPublic = Files.writeString(directory.resolve("k2.pub"), pem("PUBLIC KEY",
                newest.getPublic().getEncoded()));
        Path newestPrivate = Files.writeString(directory.resolve("k2.pem"), pem("PRIVATE KEY",
                newest.getPrivate().getEncoded()));
        Path previousPublic = Files.writeString(directory.resolve("k1.pub"), pem("PUBLIC KEY",
                previous.getPublic().getEncoded()));
        JwtProperties properties = properties(directory.resolve("unused"), null, List.of(
                new JwtProperties.ConfiguredKey("k2", new FileSystemResource(newestPublic),
                        new FileSystemResource(newestPrivate)),
                new JwtProperties.ConfiguredKey("k1", new FileSystemResource(previousPublic), null)));

        Node node = node(properties);

        assertThat(keyId(node.token())).isEqualTo("k2");
        assertThat(node.publishedKeyIds()).containsExactly("k2", "k1");
        assertThat(((RSAPublicKey) node.keys().publicJwks().getKeyByKeyId("k1").toRSAKey().toPublicKey()))
                .isEqualTo(previous.getPublic());
        assertThat(node.keys().rotatable()).isFalse();
        assertThatThrownBy(() -> node.keys().rotate()).isInstanceOf(IllegalStateException.class);
        clock.advance(Duration.ofDays(365));
        assertThat(node.publishedKeyIds()).as("configured keys retire when unconfigured").hasSize(2);
        assertThat(directory.resolve("unused")).doesNotExist();
    }

    @Test
    void refusesAKeyRetentionShorterThanTheTokenLifetime() {
        assertThatThrownBy(() -> new JwtProperties("nettoria", "nettoria-api", Duration.ofMinutes(15), null, null,
                null, directory, null, Duration.ofMinutes(10), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key-retention");
    }
}
