package com.nettoria.command.notification.adapter;

import com.nettoria.command.notification.adapter.smsir.SmsIrProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where messages go ({@code nettoria.notifications.*}). With nothing set, both channels go to the development log
 * outbox, so a fresh checkout starts without an SMS account or a mail server. docs/notifications.md lists every
 * property.
 *
 * @param publicBaseUrl the platform's address as people reach it, for links in messages (a {@code link}
 *                      parameter that is a path is made absolute with it)
 * @param sms           the SMS carrier
 * @param mail          the email carrier; the SMTP server itself is Spring Boot's {@code spring.mail.*}
 */
@ConfigurationProperties(prefix = "nettoria.notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
                                     @DefaultValue Sms sms,
                                     @DefaultValue Mail mail) {

    /** Who carries SMS: the development log outbox or SMS.ir. */
    public enum SmsProvider { LOG, SMSIR }

    /** Who carries email: the development log outbox or an SMTP server. */
    public enum MailProvider { LOG, SMTP }

    /**
     * @param provider {@code log} (default) or {@code smsir}
     * @param smsir    SMS.ir's address, key, template ids and timeouts (used when the provider is {@code smsir})
     */
    public record Sms(@DefaultValue("log") SmsProvider provider, @DefaultValue SmsIrProperties smsir) {
    }

    /**
     * @param provider {@code log} (default) or {@code smtp}
     * @param from     the sender's address, e.g. {@code no-reply@nettoria.ir} (required with {@code smtp})
     * @param fromName the name shown with it
     */
    public record Mail(@DefaultValue("log") MailProvider provider, String from,
                       @DefaultValue("Nettoria") String fromName) {
    }
}
