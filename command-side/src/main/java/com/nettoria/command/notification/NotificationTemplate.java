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
    TWO_FACTOR_CHANGED(List.of("state")),
    /** Parameters: hostname, ipAddress, vmId. Tells the customer their new VM is running and where to reach it. */
    VM_READY(List.of("hostname", "ipAddress", "vmId")),
    /**
     * Parameters: orderId, reason ({@code capacity} or {@code technical}), refund (the amount that went back to the
     * wallet, with its currency: {@code 1,200,000 IRR}). Tells the customer their VM could not be set up.
     */
    ORDER_FAILED(List.of("orderId", "reason", "refund"));

    private final List<String> parameters;

    NotificationTemplate(List<String> parameters) {
        this.parameters = parameters;
    }

    public List<String> parameters() {
        return parameters;
    }
}
