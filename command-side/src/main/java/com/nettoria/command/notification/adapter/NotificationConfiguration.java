package com.nettoria.command.notification.adapter;

import com.nettoria.command.notification.Notifier;
import com.nettoria.command.notification.adapter.log.LoggingOutbox;
import com.nettoria.command.notification.adapter.smsir.SmsIrNotifier;
import com.nettoria.command.notification.adapter.smtp.SmtpNotifier;
import com.nettoria.command.notification.adapter.text.NotificationTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * The notification adapters, found by the component scan of {@code com.nettoria.command} (the command-side
 * service's {@code @SpringBootApplication}, and the ui's in-process backend). The context gets exactly one
 * {@link Notifier}, the {@link RoutingNotifier}, wired per channel to the configured carrier or to the
 * {@link LoggingOutbox}, which is a bean of its own so a developer page can list what it kept.
 * <p>
 * A carrier that is chosen but cannot work (SMS.ir without a key, SMTP without {@code spring.mail.host} or a sender
 * address) stops the start with a message naming the missing property, instead of failing on the first code sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    NotificationTexts notificationTexts(NotificationProperties properties) {
        return new NotificationTexts(properties.publicBaseUrl());
    }

    @Bean
    LoggingOutbox loggingOutbox(NotificationTexts texts) {
        return new LoggingOutbox(texts, Clock.systemUTC());
    }

    @Bean
    RoutingNotifier routingNotifier(NotificationProperties properties, NotificationTexts texts, LoggingOutbox outbox,
                                    ObjectProvider<RestClient.Builder> restClients,
                                    ObjectProvider<JavaMailSender> mailSenders) {
        Notifier sms = switch (properties.sms().provider()) {
            case LOG -> outbox::send;
            case SMSIR -> new SmsIrNotifier(properties.sms().smsir(), texts, restClients.getIfAvailable(RestClient::builder));
        };
        Notifier mail = switch (properties.mail().provider()) {
            case LOG -> outbox::send;
            case SMTP -> new SmtpNotifier(mailSenders.getIfAvailable(() -> {
                throw new IllegalStateException("nettoria.notifications.mail.provider=smtp needs an SMTP server: "
                        + "set spring.mail.host (and spring.mail.port, username, password)");
            }), texts, properties.mail().from(), properties.mail().fromName());
        };
        if (properties.sms().provider() == NotificationProperties.SmsProvider.LOG
                || properties.mail().provider() == NotificationProperties.MailProvider.LOG) {
            log.warn("Notifications: SMS via {}, email via {}. The log outbox writes one-time codes to the log: "
                    + "for development only", properties.sms().provider(), properties.mail().provider());
        } else {
            log.info("Notifications: SMS via {}, email via {}", properties.sms().provider(), properties.mail().provider());
        }
        return new RoutingNotifier(sms, mail);
    }
}
