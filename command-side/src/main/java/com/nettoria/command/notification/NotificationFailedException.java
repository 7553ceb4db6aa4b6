package com.nettoria.command.notification;

/** A message could not be handed to its carrier (SMTP server, SMS provider). */
public class NotificationFailedException extends RuntimeException {

    public NotificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
