package com.nettoria.command.identity.adapter.passwords;

import com.nettoria.command.identity.PasswordPolicy;
import com.nettoria.coreapi.identity.Secret;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PasswordPolicyConfiguration.class);

    @Test
    void providesThePolicyWithoutTheBreachCheckByDefault() {
        context.run(beans -> {
            assertThat(beans).hasSingleBean(PasswordPolicy.class).doesNotHaveBean(PwnedPasswordsClient.class);
            assertThat(beans.getBean(PasswordPolicy.class).weakness(new Secret("1qaz2wsx3edc"), List.of()))
                    .hasValue("is too common");
        });
    }

    @Test
    void addsThePwnedPasswordsClientWhenEnabled() {
        context.withPropertyValues("nettoria.identity.breached-passwords.enabled=true",
                        "nettoria.identity.breached-passwords.base-url=http://127.0.0.1:9/hibp",
                        "nettoria.identity.breached-passwords.read-timeout=500ms")
                .run(beans -> {
                    assertThat(beans).hasSingleBean(PwnedPasswordsClient.class);
                    BreachedPasswordsProperties properties = beans.getBean(BreachedPasswordsProperties.class);
                    assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/hibp"));
                    assertThat(properties.readTimeout()).isEqualTo(Duration.ofMillis(500));
                    assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void theBreachCheckDefaultsToHaveIBeenPwnedWithShortTimeouts() {
        BreachedPasswordsProperties unset = new BreachedPasswordsProperties(false, null, null, null);

        assertThat(unset.baseUrl()).isEqualTo(URI.create("https://api.pwnedpasswords.com"));
        assertThat(unset.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(unset.readTimeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
