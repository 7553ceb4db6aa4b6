package com.nettoria.command.notification.adapter.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.notification.adapter.text.NotificationTexts;
import com.nettoria.coreapi.identity.ContactChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.nettoria.command.notification.adapter.NotificationTestData.CODE;
import static com.nettoria.command.notification.adapter.NotificationTestData.EMAIL;
import static com.nettoria.command.notification.adapter.NotificationTestData.MOBILE;
import static com.nettoria.command.notification.adapter.NotificationTestData.email;
import static com.nettoria.command.notification.adapter.NotificationTestData.loginCodeBySms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoggingOutboxTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:30:00Z");

    private final LoggingOutbox outbox = new LoggingOutbox(new NotificationTexts("https://nettoria.example"),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingOutbox.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listenToTheLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void anSmsIsRenderedLoggedWithTheNumberMaskedAndKept() {
        outbox.send(loginCodeBySms("fa"));

        assertThat(outbox.recent()).singleElement().satisfies(message -> {
            assertThat(message.at()).isEqualTo(NOW);
            assertThat(message.channel()).isEqualTo(ContactChannel.SMS);
            assertThat(message.recipient()).isEqualTo(MOBILE);
            assertThat(message.template()).isEqualTo(NotificationTemplate.LOGIN_CODE);
            assertThat(message.language()).isEqualTo("fa");
            assertThat(message.subject()).isNull();
            assertThat(message.html()).isNull();
            assertThat(message.text()).contains("کد ورود شما: " + CODE);
        });
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getMarkerList()).containsExactly(LoggingOutbox.OUTBOX);
            assertThat(event.getFormattedMessage())
                    .startsWith("OUTBOX sms to +98912***4567 [LOGIN_CODE fa]: نتوریا | کد ورود شما: " + CODE)
                    .doesNotContain(MOBILE);
        });
    }

    @Test
    void anEmailIsRenderedWithSubjectAndBothPartsAndLoggedWithTheAddressMasked() {
        outbox.send(email(NotificationTemplate.VERIFY_EMAIL, "en"));

        assertThat(outbox.recent()).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(ContactChannel.EMAIL);
            assertThat(message.recipient()).isEqualTo(EMAIL);
            assertThat(message.subject()).isEqualTo("Confirm your email address for Nettoria");
            assertThat(message.text()).contains(CODE).contains("https://nettoria.example/verify-email?token=abc");
            assertThat(message.html()).contains(CODE);
        });
        assertThat(logged.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .startsWith("OUTBOX mail to s***@example.com [VERIFY_EMAIL en] «Confirm your email address for Nettoria»\n")
                .contains(CODE)
                .doesNotContain(EMAIL));
    }

    @Test
    void keepsTheLastTwoHundredMessagesNewestFirst() {
        for (int i = 1; i <= LoggingOutbox.CAPACITY + 5; i++) {
            outbox.send(new Notification(ContactChannel.SMS, MOBILE, null, "en", NotificationTemplate.LOGIN_CODE,
                    Map.of("code", "code-" + i, "minutes", "10")));
        }

        List<OutboxMessage> recent = outbox.recent();
        assertThat(recent).hasSize(LoggingOutbox.CAPACITY);
        assertThat(recent.get(0).text()).contains("code-205");
        assertThat(recent.get(LoggingOutbox.CAPACITY - 1).text()).contains("code-6.");
    }

    @Test
    void whatItReturnsIsASnapshotTheCallerCannotChange() {
        outbox.send(loginCodeBySms("en"));

        List<OutboxMessage> recent = outbox.recent();
        outbox.send(loginCodeBySms("fa"));

        assertThat(recent).hasSize(1);
        assertThatThrownBy(recent::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMessageThatCannotBeRenderedFailsAsARealCarrierWouldAndIsNotKept() {
        Notification withoutCode = new Notification(ContactChannel.SMS, MOBILE, null, "fa",
                NotificationTemplate.LOGIN_CODE, Map.of());

        assertThatThrownBy(() -> outbox.send(withoutCode)).isInstanceOf(NotificationFailedException.class);
        assertThat(outbox.recent()).isEmpty();
        assertThat(logged.list).isEmpty();
    }
}
