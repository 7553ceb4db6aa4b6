package com.nettoria.ui.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ring of RSA keys that sign and verify this platform's access tokens. The newest key signs (the active
 * key); older keys keep verifying the tokens they signed until they retire, {@code key-retention} after a newer
 * key replaced them. Every key not yet retired is published at {@code /.well-known/jwks.json}.
 * <p>
 * Two sources, as {@link JwtProperties} says: configured PEM keys (the first signs; rotation means configuring a
 * new first key and restarting), or generated keys kept in {@code generated-key-directory}, which {@link #rotate()}
 * adds to and which every node sharing the directory reads again on a schedule and whenever a token names a key
 * it does not know.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** At most one read of the key directory per this pause for tokens that name an unknown key. */
    static final Duration UNKNOWN_KEY_RELOAD_PAUSE = Duration.ofSeconds(10);

    /** What {@code GET /api/admin/security/signing-keys} shows of a key; never key material. */
    public record KeyStatus(String kid, Instant created, boolean active, Instant retiresAt) {
    }

    /** A snapshot of the ring, newest (active) first. */
    private record Ring(List<SigningKey> keys, Duration retention) {

        SigningKey active() {
            return keys.get(0);
        }

        /** When a key stops verifying: retention after the key that replaced it was made; null while it cannot. */
        Instant retiresAt(int index) {
            if (index == 0) {
                return null;
            }
            Instant replaced = keys.get(index - 1).created();
            return replaced == null ? null : replaced.plus(retention);
        }

        List<SigningKey> current(Instant now) {
            List<SigningKey> current = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                Instant retiresAt = retiresAt(i);
                if (retiresAt == null || now.isBefore(retiresAt)) {
                    current.add(keys.get(i));
                }
            }
            return current;
        }

        Set<String> keyIds() {
            return keys.stream().map(SigningKey::keyId).collect(Collectors.toSet());
        }
    }

    private final JwtProperties properties;
    private final Clock clock;
    private final KeyDirectory directory;
    private volatile Ring ring;
    private volatile Instant lastUnknownKeyReload = Instant.MIN;

    public SigningKeys(JwtProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        List<JwtProperties.ConfiguredKey> configured = properties.configuredKeys();
        if (!configured.isEmpty()) {
            this.directory = null;
            this.ring = new Ring(configured.stream().map(SigningKeys::read).toList(), properties.keyRetention());
            if (properties.rotationInterval() != null) {
                log.warn("nettoria.security.jwt.rotation-interval is ignored: the keys are configured; rotate them "
                        + "by configuring a new first key in nettoria.security.jwt.keys");
            }
        } else if (properties.generatedKeyDirectory() != null) {
            this.directory = new KeyDirectory(properties.generatedKeyDirectory(), properties.keyId());
            List<SigningKey> keys = directory.load();
            if (keys.isEmpty()) { // first start: make the first pair, unless another node just did
                keys = directory.locked(() -> {
                    List<SigningKey> again = directory.load();
                    return again.isEmpty() ? List.of(directory.createFirst(clock.instant())) : again;
                });
            }
            this.ring = ring(keys);
        } else {
            throw new IllegalStateException("no JWT key: set nettoria.security.jwt.keys (or public-key, and "
                    + "private-key to issue tokens) or nettoria.security.jwt.generated-key-directory");
        }
        log.info("JWT key ring: {}", ring.keys());
    }

    /** The active key's public key. */
    public RSAPublicKey publicKey() {
        return ring.active().publicKey();
    }

    /** The active key with its private part and {@code kid}; empty on a node that only validates tokens. */
    public Optional<RSAKey> signingKey() {
        SigningKey active = ring.active();
        return active.canSign() ? Optional.of(active.privateJwk()) : Optional.empty();
    }

    /** Every key not yet retired, public parts only, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwks() {
        return new JWKSet(ring.current(clock.instant()).stream().map(key -> (JWK) key.publicJwk()).toList());
    }

    /**
     * The keys that verify tokens (every key not yet retired, chosen by the token's {@code kid}); a token naming a
     * key this node does not know makes it read the key directory again (at most once per ten seconds), so a key
     * another node just made verifies at once.
     */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> {
            List<JWK> found = select(selector, SigningKey::publicJwk);
            if (found.isEmpty() && reloadForUnknownKey(selector)) {
                found = select(selector, SigningKey::publicJwk);
            }
            return found;
        };
    }

    /** The keys this node may sign with (every key not yet retired that has a private part). */
    public JWKSource<SecurityContext> signingKeys() {
        return (selector, context) -> select(selector, key -> key.canSign() ? key.privateJwk() : null);
    }

    /** Every key of the ring, active first, with when the older ones retire (retired ones included). */
    public List<KeyStatus> status() {
        Ring snapshot = ring;
        List<KeyStatus> status = new ArrayList<>();
        for (int i = 0; i < snapshot.keys().size(); i++) {
            SigningKey key = snapshot.keys().get(i);
            status.add(new KeyStatus(key.keyId(), key.created(), i == 0, snapshot.retiresAt(i)));
        }
        return status;
    }

    /** Whether {@link #rotate()} can make keys here (generated keys), or keys are configured. */
    public boolean rotatable() {
        return directory != null;
    }

    /**
     * Makes a new active key in the key directory; the previous key keeps verifying for {@code key-retention}.
     *
     * @throws IllegalStateException when the keys are configured ({@link #rotatable()} is false)
     */
    public KeyStatus rotate() {
        if (directory == null) {
            throw new IllegalStateException("the JWT keys are configured; rotate them by configuring a new first key "
                    + "in nettoria.security.jwt.keys");
        }
        SigningKey created = rotate(null).orElseThrow();
        log.info("Rotated the JWT signing key: {} signs from now on; the previous key verifies for {} more",
                created.keyId(), properties.keyRetention());
        return status().get(0);
    }

    /**
     * Reads the key directory again (new keys of other nodes, retired keys deleted), and makes a new key when
     * {@code rotation-interval} is set and the active key is that old. Called on a schedule.
     */
    public void maintain() {
        if (directory == null) {
            return;
        }
        reload();
        Duration interval = properties.rotationInterval();
        if (interval != null && isDue(ring.active(), interval)) {
            rotate(interval).ifPresent(key -> log.info("Rotated the JWT signing key automatically "
                    + "(rotation-interval {}): {} signs from now on", interval, key.keyId()));
        }
    }

    /** Makes a new key under the directory lock; with {@code dueAfter}, only if the newest key on disk is that old. */
    private synchronized Optional<SigningKey> rotate(Duration dueAfter) {
        return directory.locked(() -> {
            List<SigningKey> keys = directory.load(); // another node may have rotated meanwhile
            Ring onDisk = keys.isEmpty() ? ring : ring(keys);
            if (dueAfter != null && !isDue(onDisk.active(), dueAfter)) {
                ring = onDisk;
                return Optional.empty();
            }
            SigningKey key = directory.create(clock.instant(), onDisk.keyIds());
            List<SigningKey> withNew = new ArrayList<>(onDisk.keys());
            withNew.add(key);
            ring = ring(withNew);
            return Optional.of(key);
        });
    }

    /** Reads the key directory again; configured keys never change at run time. */
    public synchronized void reload() {
        if (directory == null) {
            return;
        }
        List<SigningKey> keys = directory.load();
        if (keys.isEmpty()) {
            log.warn("The JWT key directory {} has no key any more; keeping the keys in memory", directory.path());
            return;
        }
        Ring fresh = ring(keys);
        Instant now = clock.instant();
        List<SigningKey> current = fresh.current(now);
        fresh.keys().stream().filter(key -> !current.contains(key)).forEach(directory::delete);
        if (!fresh.keyIds().equals(ring.keyIds())) {
            log.info("JWT key ring changed: {}", fresh.keys());
        }
        ring = fresh;
    }

    private boolean isDue(SigningKey active, Duration interval) {
        return active.created() != null && !clock.instant().isBefore(active.created().plus(interval));
    }

    private boolean reloadForUnknownKey(JWKSelector selector) {
        Set<String> wanted = selector.getMatcher().getKeyIDs();
        if (directory == null || wanted == null || wanted.isEmpty()) {
            return false;
        }
        Ring snapshot = ring;
        if (wanted.stream().allMatch(kid -> kid == null || snapshot.keyIds().contains(kid))) {
            return false; // known (perhaps retired) keys: reading the directory changes nothing
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (now.isBefore(lastUnknownKeyReload.plus(UNKNOWN_KEY_RELOAD_PAUSE))) {
                return false;
            }
            lastUnknownKeyReload = now;
        }
        reload();
        return true;
    }

    private List<JWK> select(JWKSelector selector, Function<SigningKey, JWK> asJwk) {
        List<JWK> candidates = ring.current(clock.instant()).stream().map(asJwk)
                .filter(Objects::nonNull).toList();
        return selector.select(new JWKSet(candidates));
    }

    /** Rotated keys newest first; the first key pair ({@code key-id}, the PEM files) always last, being the oldest. */
    private Ring ring(List<SigningKey> keys) {
        List<SigningKey> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparing((SigningKey key) -> key.keyId().equals(properties.keyId()))
                .thenComparing(SigningKey::created, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(SigningKey::keyId, Comparator.reverseOrder()));
        return new Ring(List.copyOf(ordered), properties.keyRetention());
    }

    private static SigningKey read(JwtProperties.ConfiguredKey key) {
        return new SigningKey(key.keyId(), read(key.publicKey(), RsaKeyConverters.x509()),
                key.privateKey() == null ? null : read(key.privateKey(), RsaKeyConverters.pkcs8()), null);
    }

    private static <T> T read(Resource resource,
                              org.springframework.core.convert.converter.Converter<InputStream, T> converter) {
        try (InputStream in = resource.getInputStream()) {
            return converter.convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JWT key " + resource, e);
        }
    }
}
