package com.nettoria.command.notification.adapter;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.NotificationTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.nettoria.command.notification.adapter.NotificationTestData.email;
import static com.nettoria.command.notification.adapter.NotificationTestData.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingNotifierTest {

    private final List<Notification> bySms = new ArrayList<>();
    private final List<Notification> byMail = new ArrayList<>();
    private final RoutingNotifier notifier = new RoutingNotifier(bySms::add, byMail::add);

    @Test
    void anSmsGoesToTheSmsCarrierOnly() {
        Notification code = sms(NotificationTemplate.LOGIN_CODE, "fa");

        notifier.send(code);

        assertThat(bySms).containsExactly(code);
        assertThat(byMail).isEmpty();
    }

    @Test
    void anEmailGoesToTheMailCarrierOnly() {
        Notification verify = email(NotificationTemplate.VERIFY_EMAIL, "en");

        notifier.send(verify);

        assertThat(byMail).containsExactly(verify);
        assertThat(bySms).isEmpty();
    }

    @Test
    void aCarriersFailureReachesTheCaller() {
        NotificationFailedException refused = new NotificationFailedException("refused", null);
        RoutingNotifier failing = new RoutingNotifier(notification -> {
            throw refused;
        }, byMail::add);

        assertThatThrownBy(() -> failing.send(sms(NotificationTemplate.LOGIN_CODE, "fa"))).isSameAs(refused);
    }
}
