package com.nettoria.command.notification;

/**
 * Sends a message to a person by email or SMS. One adapter per real system (SMTP, SMS.ir) and a log-backed
 * outbox for development. Sending failures are reported as {@link NotificationFailedException}.
 */
public interface Notifier {

    void send(Notification notification);
}
