package com.nettoria.command.notification.adapter.log;

import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.coreapi.identity.ContactChannel;

import java.time.Instant;

/**
 * A message the {@link LoggingOutbox} kept instead of sending. Development only: it holds the recipient in full
 * and the one-time code in clear.
 *
 * @param at        when it was "sent"
 * @param channel   SMS or EMAIL
 * @param recipient the mobile number (E.164) or email address, unmasked
 * @param template  what the message is
 * @param language  {@code fa} or {@code en}
 * @param subject   the email subject; null for an SMS
 * @param text      the SMS text, or the email's plain-text part
 * @param html      the email's HTML part; null for an SMS
 */
public record OutboxMessage(Instant at, ContactChannel channel, String recipient, NotificationTemplate template,
                            String language, String subject, String text, String html) {
}
