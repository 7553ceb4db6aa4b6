package com.nettoria.command.notification.adapter.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.notification.adapter.text.NotificationTexts;
import com.nettoria.coreapi.identity.ContactChannel;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.nettoria.command.notification.adapter.NotificationTestData.CODE;
import static com.nettoria.command.notification.adapter.NotificationTestData.EMAIL;
import static com.nettoria.command.notification.adapter.NotificationTestData.HOSTNAME;
import static com.nettoria.command.notification.adapter.NotificationTestData.IP_ADDRESS;
import static com.nettoria.command.notification.adapter.NotificationTestData.ORDER_ID;
import static com.nettoria.command.notification.adapter.NotificationTestData.REFUND;
import static com.nettoria.command.notification.adapter.NotificationTestData.VM_ID;
import static com.nettoria.command.notification.adapter.NotificationTestData.email;
import static com.nettoria.command.notification.adapter.NotificationTestData.parametersWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMTP adapter against a real SMTP server (GreenMail on a free port, with a login like a real relay's), through
 * Spring's {@link JavaMailSenderImpl} set up as Spring Boot sets it up from {@code spring.mail.*}.
 */
class SmtpNotifierIT {

    private static final String SMTP_USER = "nettoria";
    private static final String SMTP_PASSWORD = "smtp-secret";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));

    private final NotificationTexts texts = new NotificationTexts("https://nettoria.example");

    @Test
    void deliversAPersianLoginCodeAsATextAndAnHtmlAlternativeToTheRecipient() throws Exception {
        notifier(smtp.getSmtp().getPort()).send(email(NotificationTemplate.LOGIN_CODE, "fa"));

        MimeMessage received = theOnlyMessage();
        assertThat(((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(EMAIL);
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@nettoria.example");
        assertThat(from.getPersonal()).isEqualTo("نتوریا");
        assertThat(received.getSubject()).isEqualTo("کد ورود به نتوریا");
        assertThat(received.getHeader("Content-Language")).containsExactly("fa");
        Map<String, String> parts = parts(received);
        assertThat(parts).containsKeys("multipart/alternative", "text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("سلام Sara،").contains(CODE);
        assertThat(parts.get("text/html")).contains("dir=\"rtl\"").contains("سلام Sara،").contains(CODE);
    }

    @Test
    void deliversTheEnglishVersionWithItsEnglishSubject() throws Exception {
        notifier(smtp.getSmtp().getPort()).send(email(NotificationTemplate.LOGIN_CODE, "en"));

        MimeMessage received = theOnlyMessage();
        assertThat(received.getSubject()).isEqualTo("Your Nettoria login code");
        assertThat(received.getHeader("Content-Language")).containsExactly("en");
        Map<String, String> parts = parts(received);
        assertThat(parts.get("text/plain")).contains("Hello Sara,").contains(CODE);
        assertThat(parts.get("text/html")).contains("lang=\"en\"").contains(CODE);
    }

    static Stream<Arguments> provisioningNoticesInBothLanguages() {
        return Stream.of(
                Arguments.of(NotificationTemplate.VM_READY, "fa", "سرور web-1 شما در نتوریا آماده است",
                        List.of(HOSTNAME, IP_ADDRESS, VM_ID)),
                Arguments.of(NotificationTemplate.VM_READY, "en", "Your Nettoria server web-1 is ready",
                        List.of(HOSTNAME, IP_ADDRESS, VM_ID)),
                Arguments.of(NotificationTemplate.ORDER_FAILED, "fa",
                        "سفارش شما در نتوریا انجام نشد و مبلغ آن بازگردانده شد", List.of(ORDER_ID, REFUND)),
                Arguments.of(NotificationTemplate.ORDER_FAILED, "en",
                        "Your Nettoria order could not be completed and was refunded", List.of(ORDER_ID, REFUND)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("provisioningNoticesInBothLanguages")
    void deliversTheProvisioningNoticesAsATextAndAnHtmlAlternativeInTheRecipientsLanguage(
            NotificationTemplate template, String language, String subject, List<String> values) throws Exception {
        notifier(smtp.getSmtp().getPort()).send(email(template, language));

        MimeMessage received = theOnlyMessage();
        assertThat(((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getAddress()).isEqualTo(EMAIL);
        assertThat(received.getSubject()).isEqualTo(subject);
        assertThat(received.getHeader("Content-Language")).containsExactly(language);
        Map<String, String> parts = parts(received);
        assertThat(parts).containsKeys("multipart/alternative", "text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("fa".equals(language) ? "سلام Sara،" : "Hello Sara,")
                .contains(values);
        assertThat(parts.get("text/html")).contains("lang=\"" + language + "\"")
                .contains("fa".equals(language) ? "dir=\"rtl\"" : "dir=\"ltr\"")
                .contains(values);
    }

    @Test
    void escapesParametersInTheHtmlPartButNotInTheTextPart() throws Exception {
        String link = "https://nettoria.example/verify?token=a&next=<script>alert(1)</script>";
        Notification verify = new Notification(ContactChannel.EMAIL, EMAIL, "Sara <i>", "en",
                NotificationTemplate.VERIFY_EMAIL, parametersWith(NotificationTemplate.VERIFY_EMAIL, "link", link));

        notifier(smtp.getSmtp().getPort()).send(verify);

        Map<String, String> parts = parts(theOnlyMessage());
        assertThat(parts.get("text/html")).doesNotContain("<script>").doesNotContain("Sara <i>")
                .contains("Hello Sara &lt;i&gt;,")
                .contains("token=a&amp;next=&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(parts.get("text/plain")).contains("Hello Sara <i>,").contains(link);
    }

    @Test
    void anUnreachableServerIsANotificationFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> notifier(closedPort).send(email(NotificationTemplate.PASSWORD_CHANGED, "en")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageStartingWith("the SMTP server did not take PASSWORD_CHANGED to s***@example.com: ");
    }

    private SmtpNotifier notifier(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setUsername(SMTP_USER);
        sender.setPassword(SMTP_PASSWORD);
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        sender.getJavaMailProperties().put("mail.smtp.auth", "true");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return new SmtpNotifier(sender, texts, "no-reply@nettoria.example", "نتوریا");
    }

    private static MimeMessage theOnlyMessage() {
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).as("a message arrives within 5 s").isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** The MIME types in the message, each with its text for the text parts (the first of each type). */
    private static Map<String, String> parts(Part message) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        List<Part> pending = new ArrayList<>(List.of(message));
        while (!pending.isEmpty()) {
            Part part = pending.remove(0);
            String type = part.getContentType().split(";")[0].strip().toLowerCase();
            if (part.isMimeType("multipart/*")) {
                found.putIfAbsent(type, "");
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    pending.add(multipart.getBodyPart(i));
                }
            } else {
                found.putIfAbsent(type, String.valueOf(part.getContent()));
            }
        }
        return found;
    }
}
