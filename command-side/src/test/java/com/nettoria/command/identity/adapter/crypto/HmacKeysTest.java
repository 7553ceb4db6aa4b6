package com.nettoria.command.identity.adapter.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class HmacKeysTest {

    private static final String CONFIGURED = Base64.getEncoder().encodeToString(HmacSecretCodesTest.KEY);

    @TempDir
    Path dataDirectory;

    @Test
    void theConfiguredKeyWinsAndNoFileIsWritten() {
        Path keyFile = dataDirectory.resolve("identity/hmac.key");

        assertThat(HmacKeys.resolve(CONFIGURED, keyFile)).isEqualTo(HmacSecretCodesTest.KEY);
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void acceptsUrlSafeBase64AndSurroundingWhitespace() {
        byte[] key = new byte[48];
        key[0] = (byte) 0xfb;
        key[1] = (byte) 0xff;
        String urlSafe = Base64.getUrlEncoder().encodeToString(key);

        assertThat(HmacKeys.resolve("  " + urlSafe + "\n", null)).isEqualTo(key);
    }

    @Test
    void refusesAConfiguredKeyShorterThan32Bytes() {
        String short31 = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> HmacKeys.resolve(short31, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("31 bytes");
    }

    @Test
    void refusesAConfiguredKeyThatIsNotBase64() {
        assertThatThrownBy(() -> HmacKeys.resolve("this is not base64 at all!", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not base64");
    }

    @Test
    void withoutAConfiguredKeyGeneratesOneInTheKeyFile() throws IOException {
        Path keyFile = dataDirectory.resolve("identity/hmac.key");

        byte[] key = HmacKeys.resolve("", keyFile);

        assertThat(key).hasSize(32);
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip())).isEqualTo(key);
        assertThat(Files.list(keyFile.getParent())).containsExactly(keyFile);
    }

    @Test
    void theGeneratedKeyFileAndItsDirectoryAreOwnerOnly() throws IOException {
        assumeTrue(dataDirectory.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path keyFile = dataDirectory.resolve("identity/hmac.key");

        HmacKeys.resolve(null, keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void theKeyFileGivesTheSameKeyOnEveryStartSoHashesStayValid() {
        Path keyFile = dataDirectory.resolve("identity/hmac.key");
        String hashBefore = new HmacSecretCodes(HmacKeys.resolve(null, keyFile)).hash("123456");

        String hashAfterRestart = new HmacSecretCodes(HmacKeys.resolve(null, keyFile)).hash("123456");

        assertThat(hashAfterRestart).isEqualTo(hashBefore);
    }

    @Test
    void anExistingKeyFileIsUsedAsItIs() throws IOException {
        Path keyFile = dataDirectory.resolve("hmac.key");
        Files.writeString(keyFile, CONFIGURED + "\n");

        assertThat(HmacKeys.resolve(null, keyFile)).isEqualTo(HmacSecretCodesTest.KEY);
    }

    @Test
    void aKeyFileWithTooShortAKeyStopsTheStart() throws IOException {
        Path keyFile = dataDirectory.resolve("hmac.key");
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> HmacKeys.resolve(null, keyFile)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withNeitherKeyNorFileRefusesToStart() {
        assertThatThrownBy(() -> HmacKeys.resolve(" ", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nettoria.identity.hmac-key");
    }
}
