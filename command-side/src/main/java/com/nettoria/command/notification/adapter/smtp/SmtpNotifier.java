package com.nettoria.command.notification.adapter.smtp;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.Notifier;
import com.nettoria.command.notification.adapter.text.MailContent;
import com.nettoria.command.notification.adapter.text.NotificationTexts;
import com.nettoria.command.notification.adapter.text.Recipients;
import com.nettoria.coreapi.identity.ContactChannel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * Sends email through an SMTP server with Spring's {@link JavaMailSender}, which Spring Boot configures from the
 * standard {@code spring.mail.*} properties (host, port, username, password, {@code properties.mail.smtp.starttls.*}).
 * <p>
 * Each message is multipart: a plain-text part and an HTML part as two {@code multipart/alternative} versions (the
 * reader's program shows the one it can), both rendered by {@link NotificationTexts} from the Persian or English templates,
 * UTF-8, with a {@code Content-Language} header. Values in the HTML part are HTML-escaped. A refusal by the server
 * or a failure to reach it is a {@link NotificationFailedException}.
 */
public class SmtpNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(SmtpNotifier.class);

    private final JavaMailSender sender;
    private final NotificationTexts texts;
    private final InternetAddress from;

    /**
     * @param from     the sender's address, e.g. {@code no-reply@nettoria.ir}
     * @param fromName the name shown with it, e.g. {@code Nettoria}; may be null
     */
    public SmtpNotifier(JavaMailSender sender, NotificationTexts texts, String from, String fromName) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("email needs a sender address: set nettoria.notifications.mail.from");
        }
        this.sender = sender;
        this.texts = texts;
        try {
            this.from = new InternetAddress(from.strip(), fromName, StandardCharsets.UTF_8.name());
            this.from.validate();
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw new IllegalArgumentException("nettoria.notifications.mail.from is not an email address: " + from, e);
        }
    }

    @Override
    public void send(Notification notification) {
        String what = notification.template() + " to " + Recipients.masked(ContactChannel.EMAIL, notification.recipient());
        MailContent content = texts.mail(notification);
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            mail.setFrom(from);
            mail.setTo(new InternetAddress(notification.recipient(), notification.recipientName(),
                    StandardCharsets.UTF_8.name()));
            mail.setSubject(content.subject());
            mail.setText(content.text(), content.html());
            message.setHeader("Content-Language", notification.language());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new NotificationFailedException(what + " could not be written as an email", e);
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new NotificationFailedException("the SMTP server did not take " + what + ": "
                    + e.getMostSpecificCause().getMessage(), e);
        }
        log.debug("SMTP server took {}", what);
    }

    @Override
    public String toString() {
        return "SmtpNotifier[from " + from.getAddress() + "]";
    }
}
