package com.nettoria.ui.security;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The generated keys on disk, shared by every node that points at the same directory.
 * <ul>
 *   <li>{@code jwt-public.pem} + {@code jwt-private.pem}: the first key pair (the only one before key rotation
 *       existed), {@code kid} from {@code nettoria.security.jwt.key-id}, created = the private file's time;</li>
 *   <li>{@code signing-key-<kid>.json}: each rotated key, {@code {"kid", "created", "jwk"}} with the private
 *       JWK, owner-readable only; written to a temporary file and moved into place, so readers never see half a key.</li>
 * </ul>
 * Writers take {@code .rotation.lock} (a file lock, so nodes on a shared file system take turns).
 */
final class KeyDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeyDirectory.class);

    static final String LEGACY_PUBLIC = "jwt-public.pem";
    static final String LEGACY_PRIVATE = "jwt-private.pem";
    static final String KEY_FILE_PREFIX = "signing-key-";
    static final String KEY_FILE_SUFFIX = ".json";
    private static final String LOCK_FILE = ".rotation.lock";
    private static final DateTimeFormatter KID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final String legacyKeyId;

    KeyDirectory(Path directory, String legacyKeyId) {
        this.directory = directory.toAbsolutePath().normalize();
        this.legacyKeyId = legacyKeyId;
    }

    Path path() {
        return directory;
    }

    /** Every key on disk, in no particular order; a file that cannot be read is skipped with a warning. */
    List<SigningKey> load() {
        List<SigningKey> keys = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        Path legacyPublic = directory.resolve(LEGACY_PUBLIC);
        Path legacyPrivate = directory.resolve(LEGACY_PRIVATE);
        if (Files.exists(legacyPublic) && Files.exists(legacyPrivate)) {
            keys.add(readLegacy(legacyPublic, legacyPrivate));
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                KEY_FILE_PREFIX + "*" + KEY_FILE_SUFFIX)) {
            for (Path file : files) {
                try {
                    keys.add(readKeyFile(file));
                } catch (NoSuchFileException deletedMeanwhile) {
                    // another node retired it while this one listed the directory
                } catch (IOException | ParseException | RuntimeException e) {
                    log.warn("Skipping unreadable JWT key file {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT key directory " + directory, e);
        }
        return keys;
    }

    /** The first key pair, when the directory has no key at all (the standalone default's first start). */
    SigningKey createFirst(Instant now) {
        KeyPair pair = generate();
        try {
            Files.createDirectories(directory);
            writeAtomically(directory.resolve(LEGACY_PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            writeAtomically(directory.resolve(LEGACY_PRIVATE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    true);
            Files.setLastModifiedTime(directory.resolve(LEGACY_PRIVATE), FileTime.from(now)); // its creation time
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the JWT key pair in " + directory, e);
        }
        log.warn("Generated a JWT signing key pair in {} (standalone default; configure "
                + "nettoria.security.jwt.keys or public-key/private-key in production)", directory);
        return new SigningKey(legacyKeyId, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(), now);
    }

    /** A new key, kept as {@code signing-key-<kid>.json}. */
    SigningKey create(Instant now, Set<String> takenKeyIds) {
        String keyId;
        do {
            keyId = "nettoria-" + KID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes(4));
        } while (takenKeyIds.contains(keyId));
        KeyPair pair = generate();
        SigningKey key = new SigningKey(keyId, (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate(),
                now);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("kid", keyId);
        content.put("created", now.toString());
        content.put("jwk", key.privateJwk().toJSONObject());
        try {
            Files.createDirectories(directory);
            writeAtomically(keyFile(keyId), JSONObjectUtils.toJSONString(content), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the new JWT key in " + directory, e);
        }
        return key;
    }

    /** Removes a rotated key's file (the first key pair's PEM files are never removed). */
    void delete(SigningKey key) {
        if (key.keyId().equals(legacyKeyId)) {
            return;
        }
        try {
            if (Files.deleteIfExists(keyFile(key.keyId()))) {
                log.info("Deleted retired JWT signing key {}", key.keyId());
            }
        } catch (IOException e) {
            log.warn("Cannot delete retired JWT signing key file of {}: {}", key.keyId(), e.toString());
        }
    }

    /** Runs {@code work} while holding the directory's lock, against this JVM and other processes. */
    <T> T locked(Supplier<T> work) {
        Object jvmLock = JVM_LOCKS.computeIfAbsent(directory, path -> new Object());
        synchronized (jvmLock) {
            try {
                Files.createDirectories(directory);
                try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the JWT key directory " + directory, e);
            }
        }
    }

    private Path keyFile(String keyId) {
        if (!keyId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("unsafe key id " + keyId);
        }
        return directory.resolve(KEY_FILE_PREFIX + keyId + KEY_FILE_SUFFIX);
    }

    private SigningKey readLegacy(Path publicPem, Path privatePem) {
        try (InputStream pub = Files.newInputStream(publicPem); InputStream priv = Files.newInputStream(privatePem)) {
            RSAPublicKey publicKey = RsaKeyConverters.x509().convert(pub);
            RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(priv);
            return new SigningKey(legacyKeyId, publicKey, privateKey,
                    Files.getLastModifiedTime(privatePem).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT key pair in " + directory, e);
        }
    }

    private static SigningKey readKeyFile(Path file) throws IOException, ParseException {
        Map<String, Object> content = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
        RSAKey jwk = RSAKey.parse(JSONObjectUtils.getJSONObject(content, "jwk"));
        String keyId = JSONObjectUtils.getString(content, "kid");
        if (keyId == null || !keyId.equals(jwk.getKeyID()) || !jwk.isPrivate()) {
            throw new ParseException("kid missing, inconsistent or no private key", 0);
        }
        try {
            return new SigningKey(keyId, jwk.toRSAPublicKey(), jwk.toRSAPrivateKey(),
                    Instant.parse(JSONObjectUtils.getString(content, "created")));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new ParseException(e.getMessage(), 0);
        }
    }

    private void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temporary = directory.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes(4))
                + ".tmp");
        try {
            createFile(temporary, secret);
            Files.writeString(temporary, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void createFile(Path file, boolean secret) throws IOException {
        if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(file, ownerOnly);
        } else {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("temporary key file exists: " + file, e);
            }
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
