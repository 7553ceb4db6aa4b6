package com.nettoria.command.notification.adapter.log;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.adapter.text.MailContent;
import com.nettoria.command.notification.adapter.text.NotificationTexts;
import com.nettoria.command.notification.adapter.text.Recipients;
import com.nettoria.coreapi.identity.ContactChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * <b>Development only.</b> Stands in for SMS.ir and the SMTP server when none is configured (the standalone
 * default, {@code nettoria.notifications.sms.provider=log} / {@code mail.provider=log}): each message is rendered
 * from the same templates the real carriers use, written to the log at INFO under the marker {@code OUTBOX}
 * (recipient masked, text and one-time code in clear), e.g.
 * <pre>OUTBOX sms to +98912***4567 [LOGIN_CODE fa]: نتوریا | کد ورود شما: 123456 | ...</pre>
 * and kept in memory, the last {@value #CAPACITY}, for a developer page to show ({@link #recent()}). Nothing
 * leaves the process and nothing survives a restart. Because the log then holds live codes, a production
 * deployment must configure both real providers.
 * <p>
 * It is deliberately not a {@link com.nettoria.command.notification.Notifier} bean itself, so that the routing
 * notifier stays the only one to inject; the routing notifier hands it the channels that have no real carrier.
 */
public class LoggingOutbox {

    /** How many messages are kept. */
    public static final int CAPACITY = 200;
    /** The log marker of every outbox line. */
    public static final Marker OUTBOX = MarkerFactory.getMarker("OUTBOX");

    private static final Logger log = LoggerFactory.getLogger(LoggingOutbox.class);

    private final NotificationTexts texts;
    private final Clock clock;
    private final Deque<OutboxMessage> messages = new ArrayDeque<>(CAPACITY + 1);

    public LoggingOutbox(NotificationTexts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * Renders, logs and keeps the message.
     *
     * @throws NotificationFailedException when the message cannot be rendered (a parameter is missing), as a real
     *                                     carrier would fail
     */
    public void send(Notification notification) {
        OutboxMessage message = render(notification);
        synchronized (messages) {
            messages.addFirst(message);
            while (messages.size() > CAPACITY) {
                messages.removeLast();
            }
        }
        String to = Recipients.masked(notification.channel(), notification.recipient());
        if (message.channel() == ContactChannel.SMS) {
            log.info(OUTBOX, "OUTBOX sms to {} [{} {}]: {}", to, message.template(), message.language(),
                    message.text().strip().replace("\n", " | "));
        } else {
            log.info(OUTBOX, "OUTBOX mail to {} [{} {}] «{}»\n{}", to, message.template(), message.language(),
                    message.subject(), message.text().strip().indent(4).stripTrailing());
        }
    }

    /** The kept messages, newest first, at most {@value #CAPACITY}. */
    public List<OutboxMessage> recent() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    private OutboxMessage render(Notification notification) {
        if (notification.channel() == ContactChannel.SMS) {
            return new OutboxMessage(clock.instant(), ContactChannel.SMS, notification.recipient(),
                    notification.template(), notification.language(), null, texts.sms(notification), null);
        }
        MailContent mail = texts.mail(notification);
        return new OutboxMessage(clock.instant(), ContactChannel.EMAIL, notification.recipient(),
                notification.template(), notification.language(), mail.subject(), mail.text(), mail.html());
    }
}
