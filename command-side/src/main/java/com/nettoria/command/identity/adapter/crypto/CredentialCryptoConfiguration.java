package com.nettoria.command.identity.adapter.crypto;

import com.nettoria.command.identity.PasswordHasher;
import com.nettoria.command.identity.SecretCodes;
import com.nettoria.command.identity.TotpAuthenticator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

/** The password hasher, the keyed code hashes and TOTP, as the identity ports the aggregates are handed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CredentialCryptoProperties.class)
class CredentialCryptoConfiguration {

    static final String DEFAULT_HMAC_KEY_FILE = "${NETTORIA_DATA_DIR:.nettoria}/identity/hmac.key";

    @Bean
    PasswordHasher passwordHasher(CredentialCryptoProperties properties) {
        return new SpringPasswordHasher(properties.passwordHash().argon2().parameters());
    }

    @Bean
    SecretCodes secretCodes(CredentialCryptoProperties properties, Environment environment) {
        Path keyFile = properties.hmacKeyFile() != null ? properties.hmacKeyFile()
                : Path.of(environment.resolveRequiredPlaceholders(DEFAULT_HMAC_KEY_FILE));
        return new HmacSecretCodes(HmacKeys.resolve(properties.hmacKey(), keyFile));
    }

    @Bean
    TotpAuthenticator totpAuthenticator() {
        return new TotpAdapter();
    }
}
