package com.nettoria.command.identity.adapter.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Where the key of {@link HmacSecretCodes} comes from: {@code nettoria.identity.hmac-key} (base64, at least 32
 * bytes), or else the file {@code nettoria.identity.hmac-key-file}, generated with owner-only permissions the
 * first time (the development default). The same key must survive restarts and be shared by every node, or the
 * stored code and token hashes no longer match.
 */
final class HmacKeys {

    private static final Logger log = LoggerFactory.getLogger(HmacKeys.class);

    static final int MIN_KEY_BYTES = 32;
    static final int GENERATED_KEY_BYTES = 32;

    private HmacKeys() {
    }

    static byte[] resolve(String configuredKey, Path keyFile) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return decode(configuredKey, "nettoria.identity.hmac-key");
        }
        if (keyFile == null) {
            throw new IllegalStateException("no HMAC key: set nettoria.identity.hmac-key (NETTORIA_IDENTITY_HMAC_KEY) "
                    + "or nettoria.identity.hmac-key-file");
        }
        return loadOrGenerate(keyFile);
    }

    static byte[] decode(String base64, String source) {
        String text = base64.strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                key = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrlSafe) {
                throw new IllegalStateException("the HMAC key in " + source + " is not base64");
            }
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("the HMAC key in " + source + " has " + key.length
                    + " bytes; at least " + MIN_KEY_BYTES + " are needed");
        }
        return key;
    }

    private static byte[] loadOrGenerate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return read(keyFile);
            }
            return generate(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the HMAC key in " + keyFile, e);
        }
    }

    private static byte[] read(Path keyFile) throws IOException {
        if (isPosix(keyFile)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
            if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                log.warn("The HMAC key file {} can be read by others ({}); make it owner-only (chmod 600)",
                        keyFile.toAbsolutePath(), PosixFilePermissions.toString(permissions));
            }
        }
        return decode(Files.readString(keyFile, StandardCharsets.US_ASCII), keyFile.toString());
    }

    /**
     * Writes a new key to a private temporary file and links it into place, which fails if another process (a
     * second node on the same data directory) was faster: its key is then read and used.
     */
    private static byte[] generate(Path keyFile) throws IOException {
        Path directory = keyFile.toAbsolutePath().getParent();
        boolean posix = isPosix(directory);
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        }
        byte[] key = new byte[GENERATED_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, ".hmac-key-", ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(keyFile, temporary);
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                if (noHardLinks instanceof FileAlreadyExistsException) {
                    return read(keyFile);
                }
                try {
                    Files.move(temporary, keyFile);
                } catch (FileAlreadyExistsException lostTheRace) {
                    return read(keyFile);
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.warn("Generated an HMAC key for one-time codes and tokens in {} (development default). Production must set "
                + "nettoria.identity.hmac-key (NETTORIA_IDENTITY_HMAC_KEY), the same on every node, and keep it out of "
                + "the database", keyFile.toAbsolutePath());
        return key;
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
