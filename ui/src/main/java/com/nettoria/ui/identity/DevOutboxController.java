package com.nettoria.ui.identity;

import com.nettoria.command.notification.adapter.log.LoggingOutbox;
import com.nettoria.command.notification.adapter.log.OutboxMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.nettoria.ui.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Development only ({@code nettoria.notifications.dev-outbox.enabled}, on in the standalone default, off in the
 * {@code postgres} profile), and only to callers on the same machine (loopback): the messages the log-backed
 * outbox kept instead of sending them, newest first, so a newcomer can read the verification codes without an
 * SMS provider or a mail server. The same messages are in the log (marker {@code OUTBOX}). Messages of a
 * channel with a real provider never enter the outbox.
 */
@RestController
@Tag(name = "Development")
@ConditionalOnProperty(name = "nettoria.notifications.dev-outbox.enabled", havingValue = "true")
public class DevOutboxController {

    private final ObjectProvider<LoggingOutbox> outbox;

    public DevOutboxController(ObjectProvider<LoggingOutbox> outbox) {
        this.outbox = outbox;
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @GetMapping("/api/dev/outbox")
    @Operation(summary = "Messages the development outbox kept (standalone default only), optionally for one recipient")
    public List<OutboxMessage> messages(@RequestParam(required = false) String recipient, HttpServletRequest request) {
        LoggingOutbox box = outbox.getIfAvailable();
        if (!isLoopback(request.getRemoteAddr())) {
            // the codes in here open accounts: only the developer's own machine may read them
            throw ApiProblem.notFound("request.not-found", "Not found", "no such resource");
        }
        if (box == null) {
            return List.of();
        }
        return box.recent().stream()
                .filter(message -> recipient == null
                        || message.recipient().equalsIgnoreCase(recipient.strip().toLowerCase(Locale.ROOT))
                        || message.recipient().equals(recipient.strip()))
                .toList();
    }
}
