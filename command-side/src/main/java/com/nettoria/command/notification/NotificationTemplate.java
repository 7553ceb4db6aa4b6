package com.nettoria.command.notification;

import java.util.List;

/** The messages the platform sends, each with the parameters its templates use. */
public enum NotificationTemplate {
    /** Parameters: code, minutes, link. */
    VERIFY_EMAIL(List.of("code", "minutes", "link")),
    /** Parameters: code, minutes. */
    VERIFY_MOBILE(List.of("code", "minutes")),
    LOGIN_CODE(List.of("code", "minutes")),
    PASSWORD_RESET_CODE(List.of("code", "minutes")),
    /** No parameters: tells the owner the password changed, in case it was not them. */
    PASSWORD_CHANGED(List.of()),
    /** Parameter: state (enabled or disabled). */
    TWO_FACTOR_CHANGED(List.of("state"));

    private final List<String> parameters;

    NotificationTemplate(List<String> parameters) {
        this.parameters = parameters;
    }

    public List<String> parameters() {
        return parameters;
    }
}
