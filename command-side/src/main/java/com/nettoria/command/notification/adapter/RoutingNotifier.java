package com.nettoria.command.notification.adapter;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.Notifier;

import java.util.Objects;

/**
 * The one {@link Notifier} the rest of the command side injects: an SMS goes to the SMS carrier, an email to the
 * mail carrier. Which carriers those are (SMS.ir, SMTP or the development log outbox) is decided once, at start,
 * by {@link NotificationConfiguration} from {@code nettoria.notifications.*.provider}.
 */
public class RoutingNotifier implements Notifier {

    private final Notifier sms;
    private final Notifier mail;

    public RoutingNotifier(Notifier sms, Notifier mail) {
        this.sms = Objects.requireNonNull(sms, "sms");
        this.mail = Objects.requireNonNull(mail, "mail");
    }

    @Override
    public void send(Notification notification) {
        switch (notification.channel()) {
            case SMS -> sms.send(notification);
            case EMAIL -> mail.send(notification);
        }
    }

    @Override
    public String toString() {
        return "RoutingNotifier[sms=" + sms + ", mail=" + mail + "]";
    }
}
