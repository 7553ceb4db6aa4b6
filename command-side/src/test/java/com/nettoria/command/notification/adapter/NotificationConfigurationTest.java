package com.nettoria.command.notification.adapter;

import com.nettoria.command.notification.Notifier;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.notification.adapter.log.LoggingOutbox;
import com.nettoria.command.notification.adapter.smsir.SmsIrProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.nettoria.command.notification.adapter.NotificationTestData.email;
import static com.nettoria.command.notification.adapter.NotificationTestData.sms;
import static org.assertj.core.api.Assertions.assertThat;

/** Which carriers the context wires from {@code nettoria.notifications.*}, in a context holding only the adapters. */
class NotificationConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(NotificationConfiguration.class);

    @Test
    void withNothingConfiguredBothChannelsGoToTheLogOutboxThroughTheOnlyNotifier() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(Notifier.class).hasSingleBean(LoggingOutbox.class);

            started.getBean(Notifier.class).send(sms(NotificationTemplate.LOGIN_CODE, "fa"));
            started.getBean(Notifier.class).send(email(NotificationTemplate.PASSWORD_CHANGED, "en"));

            assertThat(started.getBean(LoggingOutbox.class).recent()).hasSize(2);
        });
    }

    @Test
    void theDefaultsNeedNoProperties() {
        context.run(started -> {
            NotificationProperties properties = started.getBean(NotificationProperties.class);
            assertThat(properties.publicBaseUrl()).isEqualTo("http://localhost:8080");
            assertThat(properties.sms().provider()).isEqualTo(NotificationProperties.SmsProvider.LOG);
            assertThat(properties.mail().provider()).isEqualTo(NotificationProperties.MailProvider.LOG);
            assertThat(properties.mail().from()).isNull();
            assertThat(properties.mail().fromName()).isEqualTo("Nettoria");
            SmsIrProperties smsIr = properties.sms().smsir();
            assertThat(smsIr.baseUrl()).isEqualTo(URI.create("https://api.sms.ir"));
            assertThat(smsIr.apiKey()).isNull();
            assertThat(smsIr.templates()).isEmpty();
            assertThat(smsIr.parameterNames()).isEmpty();
            assertThat(smsIr.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(smsIr.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void smsIrIsChosenByItsProviderNameAndTakesTemplatesByKebabCaseName() {
        context.withPropertyValues(
                "nettoria.notifications.sms.provider=smsir",
                "nettoria.notifications.sms.smsir.api-key=a-key",
                "nettoria.notifications.sms.smsir.templates.login-code=123456",
                "nettoria.notifications.sms.smsir.parameter-names.login-code.code=Code",
                "nettoria.notifications.sms.smsir.read-timeout=3s"
        ).run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(Notifier.class);
            assertThat(started.getBean(Notifier.class).toString()).contains("sms=SmsIrNotifier[https://api.sms.ir]");
            SmsIrProperties smsIr = started.getBean(NotificationProperties.class).sms().smsir();
            assertThat(smsIr.templateId(NotificationTemplate.LOGIN_CODE)).contains(123456L);
            assertThat(smsIr.parameterName(NotificationTemplate.LOGIN_CODE, "code")).isEqualTo("Code");
            assertThat(smsIr.parameterName(NotificationTemplate.LOGIN_CODE, "minutes")).isEqualTo("MINUTES");
            assertThat(smsIr.readTimeout()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void smsIrSettingsCanComeFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "NETTORIA_NOTIFICATIONS_SMS_PROVIDER", "smsir",
                "NETTORIA_NOTIFICATIONS_SMS_SMSIR_API_KEY", "a-key",
                "NETTORIA_NOTIFICATIONS_SMS_SMSIR_TEMPLATES_LOGINCODE", "123456",
                "NETTORIA_NOTIFICATIONS_SMS_SMSIR_PARAMETERNAMES_LOGINCODE_CODE", "Code")));

        NotificationProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("nettoria.notifications", NotificationProperties.class);

        assertThat(properties.sms().provider()).isEqualTo(NotificationProperties.SmsProvider.SMSIR);
        assertThat(properties.sms().smsir().apiKey()).isEqualTo("a-key");
        assertThat(properties.sms().smsir().templateId(NotificationTemplate.LOGIN_CODE)).contains(123456L);
        assertThat(properties.sms().smsir().parameterName(NotificationTemplate.LOGIN_CODE, "code")).isEqualTo("Code");
    }

    @Test
    void smsIrWithoutAKeyStopsTheStartNamingTheProperty() {
        context.withPropertyValues("nettoria.notifications.sms.provider=smsir").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nettoria.notifications.sms.smsir.api-key"));
    }

    @Test
    void smtpWithoutAMailServerStopsTheStartNamingTheProperty() {
        context.withPropertyValues("nettoria.notifications.mail.provider=smtp",
                "nettoria.notifications.mail.from=no-reply@nettoria.example").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("spring.mail.host"));
    }

    @Test
    void smtpWithoutASenderAddressStopsTheStartNamingTheProperty() {
        context.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withPropertyValues("nettoria.notifications.mail.provider=smtp", "spring.mail.host=localhost")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nettoria.notifications.mail.from"));
    }

    @Test
    void smtpUsesSpringBootsMailSenderWhileSmsStaysInTheLogOutbox() {
        context.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withPropertyValues("nettoria.notifications.mail.provider=smtp", "spring.mail.host=localhost",
                        "nettoria.notifications.mail.from=no-reply@nettoria.example")
                .run(started -> {
                    assertThat(started).hasNotFailed().hasSingleBean(Notifier.class);
                    assertThat(started.getBean(Notifier.class).toString())
                            .contains("mail=SmtpNotifier[from no-reply@nettoria.example]");

                    started.getBean(Notifier.class).send(sms(NotificationTemplate.LOGIN_CODE, "en"));

                    assertThat(started.getBean(LoggingOutbox.class).recent()).hasSize(1);
                });
    }
}
