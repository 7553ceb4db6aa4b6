package com.nettoria.command.notification.adapter;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.coreapi.identity.ContactChannel;

import java.util.HashMap;
import java.util.Map;

/** Notifications for the adapter tests: every template with plausible values for all its parameters. */
public final class NotificationTestData {

    public static final String MOBILE = "+989121234567";
    public static final String MOBILE_LOCAL = "09121234567";
    public static final String EMAIL = "sara@example.com";
    public static final String CODE = "482913";
    public static final String HOSTNAME = "web-1";
    public static final String IP_ADDRESS = "192.0.2.10";
    public static final String VM_ID = "5b3e1c9a-7d42-3f0e-8a61-2c4d9e7f1b30";
    public static final String ORDER_ID = "8d0c4c86-31a4-3c41-9f6f-5b2a3b7d9e10";
    public static final String REFUND = "1,200,000 IRR";

    private NotificationTestData() {
    }

    public static Notification sms(NotificationTemplate template, String language) {
        return new Notification(ContactChannel.SMS, MOBILE, "Sara", language, template, parametersOf(template));
    }

    public static Notification email(NotificationTemplate template, String language) {
        return new Notification(ContactChannel.EMAIL, EMAIL, "Sara", language, template, parametersOf(template));
    }

    public static Notification loginCodeBySms(String language) {
        return sms(NotificationTemplate.LOGIN_CODE, language);
    }

    /** Values for every parameter the template declares. */
    public static Map<String, String> parametersOf(NotificationTemplate template) {
        Map<String, String> values = new HashMap<>();
        for (String parameter : template.parameters()) {
            values.put(parameter, switch (parameter) {
                case "code" -> CODE;
                case "minutes" -> "10";
                case "link" -> "/verify-email?token=abc";
                case "state" -> "enabled";
                case "hostname" -> HOSTNAME;
                case "ipAddress" -> IP_ADDRESS;
                case "vmId" -> VM_ID;
                case "orderId" -> ORDER_ID;
                case "reason" -> "technical";
                case "refund" -> REFUND;
                default -> throw new IllegalArgumentException("no test value for " + parameter);
            });
        }
        return values;
    }

    /** The template's parameters with one value replaced. */
    public static Map<String, String> parametersWith(NotificationTemplate template, String parameter, String value) {
        Map<String, String> values = parametersOf(template);
        values.put(parameter, value);
        return values;
    }
}
