package com.nettoria.command.notification;

import com.nettoria.coreapi.identity.ContactChannel;

import java.util.Map;
import java.util.Objects;

/**
 * One message to one person.
 *
 * @param channel       EMAIL or SMS
 * @param recipient     an email address, or a mobile number in E.164
 * @param recipientName the person's name for the greeting
 * @param language      {@code fa} or {@code en}
 * @param template      what the message says
 * @param parameters    the template's values, e.g. {@code code} and {@code minutes}
 */
public record Notification(ContactChannel channel, String recipient, String recipientName, String language,
                           NotificationTemplate template, Map<String, String> parameters) {

    public Notification {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        language = "fa".equals(language) ? "fa" : "en";
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "Notification[" + channel + ", " + template + "]";
    }
}
