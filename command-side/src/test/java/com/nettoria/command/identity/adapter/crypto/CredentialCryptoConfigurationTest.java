package com.nettoria.command.identity.adapter.crypto;

import com.nettoria.command.identity.PasswordHasher;
import com.nettoria.command.identity.SecretCodes;
import com.nettoria.command.identity.TotpAuthenticator;
import com.nettoria.coreapi.identity.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialCryptoConfigurationTest {

    @TempDir
    Path dataDirectory;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(CredentialCryptoConfiguration.class)
            .withPropertyValues(
                    "nettoria.identity.password-hash.argon2.memory-kib=256",
                    "nettoria.identity.password-hash.argon2.iterations=1");

    @Test
    void providesTheThreePortsWithTheConfiguredArgon2Cost() {
        context.withPropertyValues("nettoria.identity.hmac-key=" + Base64.getEncoder().encodeToString(HmacSecretCodesTest.KEY))
                .run(beans -> {
                    assertThat(beans).hasSingleBean(PasswordHasher.class).hasSingleBean(SecretCodes.class)
                            .hasSingleBean(TotpAuthenticator.class);
                    assertThat(beans.getBean(PasswordHasher.class).hash(new Secret("a long enough password")))
                            .startsWith("{argon2}$argon2id$v=19$m=256,t=1,p=1$");
                    assertThat(beans.getBean(SecretCodes.class).hash("123456"))
                            .isEqualTo("i6U59fkyw_yKZ8K4ZuJbvDJmN_PGyIt7DitmbjyzMGY");
                });
    }

    @Test
    void withoutAKeyKeepsAGeneratedOneUnderTheDataDirectory() {
        context.withPropertyValues("NETTORIA_DATA_DIR=" + dataDirectory).run(beans -> {
            assertThat(beans).hasNotFailed();
            assertThat(dataDirectory.resolve("identity/hmac.key")).isRegularFile();
        });
    }

    @Test
    void theKeyFileCanBeNamed() {
        Path keyFile = dataDirectory.resolve("secrets/codes.key");

        context.withPropertyValues("nettoria.identity.hmac-key-file=" + keyFile).run(beans -> {
            assertThat(beans).hasNotFailed();
            assertThat(keyFile).isRegularFile();
        });
    }

    @Test
    void refusesToStartWithAShortKey() {
        context.withPropertyValues("nettoria.identity.hmac-key=" + Base64.getEncoder().encodeToString(new byte[16]))
                .run(beans -> assertThat(beans).hasFailed());
    }

    @Test
    void argon2DefaultsToOwaspsParametersWhenNothingIsSet() {
        CredentialCryptoProperties unset = new CredentialCryptoProperties(null, null, null);

        assertThat(unset.passwordHash().argon2().parameters()).isEqualTo(Argon2Parameters.OWASP_DEFAULT);
    }
}
