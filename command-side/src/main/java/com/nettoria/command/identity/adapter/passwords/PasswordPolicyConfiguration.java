package com.nettoria.command.identity.adapter.passwords;

import com.nettoria.command.identity.PasswordPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The password policy, with the breach check only when {@code nettoria.identity.breached-passwords.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BreachedPasswordsProperties.class)
class PasswordPolicyConfiguration {

    @Bean
    PasswordPolicy passwordPolicy(ObjectProvider<BreachedPasswords> breachedPasswords) {
        return new StandardPasswordPolicy(CommonPasswords.bundled(), breachedPasswords.getIfAvailable(() -> BreachedPasswords.NONE));
    }

    @Bean
    @ConditionalOnProperty(name = "nettoria.identity.breached-passwords.enabled", havingValue = "true")
    PwnedPasswordsClient pwnedPasswordsClient(BreachedPasswordsProperties properties) {
        return new PwnedPasswordsClient(properties.baseUrl(), properties.connectTimeout(), properties.readTimeout());
    }
}
