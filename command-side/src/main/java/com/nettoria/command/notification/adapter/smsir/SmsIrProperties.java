package com.nettoria.command.notification.adapter.smsir;

import com.nettoria.command.notification.NotificationTemplate;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach SMS.ir ({@code nettoria.notifications.sms.smsir.*}).
 *
 * @param baseUrl        the API's address, {@code https://api.sms.ir} (a WireMock server in tests)
 * @param apiKey         the key made in SMS.ir's developer panel, sent as {@code x-api-key}; from the environment
 *                       ({@code NETTORIA_NOTIFICATIONS_SMS_SMSIR_API_KEY}), never in a file
 * @param templates      the id of the panel template («قالب») that says each message, e.g. {@code login-code: 123456};
 *                       a message without one fails when it is sent
 * @param parameterNames per message, the panel template's name for a parameter when it is not the parameter's name
 *                       in upper case ({@code code} is {@code CODE} unless e.g. {@code login-code.code: Code})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the answer
 */
public record SmsIrProperties(@DefaultValue("https://api.sms.ir") URI baseUrl,
                              String apiKey,
                              Map<NotificationTemplate, Long> templates,
                              Map<NotificationTemplate, Map<String, String>> parameterNames,
                              @DefaultValue("5s") Duration connectTimeout,
                              @DefaultValue("10s") Duration readTimeout) {

    public SmsIrProperties {
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        parameterNames = parameterNames == null ? Map.of() : Map.copyOf(parameterNames);
    }

    /** The panel template that says {@code template}, if one is configured. */
    public Optional<Long> templateId(NotificationTemplate template) {
        return Optional.ofNullable(templates.get(template));
    }

    /** The panel template's name for {@code parameter} of {@code template}: configured, or upper case. */
    public String parameterName(NotificationTemplate template, String parameter) {
        return parameterNames.getOrDefault(template, Map.of())
                .getOrDefault(parameter, parameter.toUpperCase(Locale.ROOT));
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "SmsIrProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "(none)" : "***")
                + ", templates=" + templates + ", parameterNames=" + parameterNames
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
