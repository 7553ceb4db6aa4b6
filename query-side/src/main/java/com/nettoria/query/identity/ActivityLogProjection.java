package com.nettoria.query.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.identity.ActivityPage;
import com.nettoria.coreapi.identity.ActivityView;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.FindActivityQuery;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityVerifiedEvent;
import com.nettoria.coreapi.identity.LoginFailedEvent;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeIssuedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeRejectedEvent;
import com.nettoria.coreapi.identity.PasswordChangedEvent;
import com.nettoria.coreapi.identity.PasswordResetEvent;
import com.nettoria.coreapi.identity.ProfileUpdatedEvent;
import com.nettoria.coreapi.identity.RecoveryCodeUsedEvent;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.RoleGrantedEvent;
import com.nettoria.coreapi.identity.RoleRevokedEvent;
import com.nettoria.coreapi.identity.SecondFactorRequestedEvent;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.TwoFactorDisabledEvent;
import com.nettoria.coreapi.identity.TwoFactorEnabledEvent;
import com.nettoria.coreapi.identity.TwoFactorSetupStartedEvent;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserReactivatedEvent;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An account's activity log: one entry per event worth showing to its owner and to administrators (session
 * refreshes are not: too many), with when, from which address and user agent, and by whom (the actor differs
 * from the user when an administrator acted). Entries are keyed by the event's identifier, so a repeated event
 * adds nothing and the log can be replayed from zero. Details never hold password or code hashes, secrets,
 * codes, challenge ids or full identity document numbers.
 */
@Component
@ProcessingGroup(ActivityLogProjection.PROCESSING_GROUP)
public class ActivityLogProjection {

    public static final String PROCESSING_GROUP = "activity-log-projection";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public ActivityLogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegisteredEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.ACCOUNT_REGISTERED, "roles",
                event.roles() == null ? null
                        : event.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
    }

    @EventHandler
    void on(LoginSucceededEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.LOGIN_SUCCEEDED,
                "method", event.method(), "sessionId", event.sessionId());
    }

    @EventHandler
    void on(LoginFailedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.LOGIN_FAILED,
                "reason", event.reason(), "consecutiveFailures", event.consecutiveFailures());
    }

    @EventHandler
    void on(SecondFactorRequestedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.SECOND_FACTOR_REQUESTED);
    }

    @EventHandler
    void on(OneTimeCodeIssuedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.CODE_SENT,
                "purpose", event.purpose(), "channel", event.channel());
    }

    @EventHandler
    void on(OneTimeCodeRejectedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.CODE_REJECTED,
                "purpose", event.purpose(), "attemptsLeft", event.attemptsLeft());
    }

    @EventHandler
    void on(EmailVerifiedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.EMAIL_VERIFIED);
    }

    @EventHandler
    void on(MobileVerifiedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.MOBILE_VERIFIED);
    }

    @EventHandler
    void on(SessionRevokedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.SESSION_REVOKED,
                "reason", event.reason(), "sessionId", event.sessionId());
    }

    @EventHandler
    void on(PasswordChangedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.PASSWORD_CHANGED);
    }

    @EventHandler
    void on(PasswordResetEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.PASSWORD_RESET, "channel", event.channel());
    }

    @EventHandler
    void on(TwoFactorSetupStartedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.TWO_FACTOR_SETUP_STARTED);
    }

    @EventHandler
    void on(TwoFactorEnabledEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.TWO_FACTOR_ENABLED, "recoveryCodes",
                event.recoveryCodeHashes() == null ? null : event.recoveryCodeHashes().size());
    }

    @EventHandler
    void on(TwoFactorDisabledEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.TWO_FACTOR_DISABLED);
    }

    @EventHandler
    void on(RecoveryCodeUsedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.RECOVERY_CODE_USED);
    }

    @EventHandler
    void on(ProfileUpdatedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.PROFILE_UPDATED, "firstName", event.firstName(),
                "lastName", event.lastName(), "language", event.language());
    }

    @EventHandler
    void on(IdentityDocumentSubmittedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.IDENTITY_SUBMITTED,
                "documentType", event.document().type(), "maskedNumber", event.document().maskedNumber(),
                "country", event.document().country());
    }

    @EventHandler
    void on(IdentityVerifiedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.IDENTITY_VERIFIED,
                "documentType", event.document().type(), "maskedNumber", event.document().maskedNumber());
    }

    @EventHandler
    void on(UserSuspendedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.ACCOUNT_SUSPENDED, "reason", event.reason());
    }

    @EventHandler
    void on(UserReactivatedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.ACCOUNT_REACTIVATED);
    }

    @EventHandler
    void on(RoleGrantedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.ROLE_GRANTED, "role", event.role());
    }

    @EventHandler
    void on(RoleRevokedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        log(message, sequence, event.userId(), ActivityTypes.ROLE_REVOKED, "role", event.role());
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM activity_entry");
    }

    /** {@code details} are key-value pairs; a {@code null} value leaves its key out. */
    private void log(EventMessage<?> message, long sequence, UserId userId, String type, Object... details) {
        MetaData metaData = message.getMetaData();
        jdbc.update("""
                        INSERT INTO activity_entry (event_id, user_id, sequence_no, type, details, occurred_at,
                                                    client_address, user_agent, actor_id)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""",
                message.getIdentifier(), userId.value(), sequence, type, json(details),
                Timestamp.from(message.getTimestamp()), CausationMetadata.text(metaData, Causation.CLIENT_ADDRESS),
                CausationMetadata.text(metaData, Causation.USER_AGENT),
                CausationMetadata.text(metaData, Causation.ACTOR_ID));
    }

    private static String json(Object... keysAndValues) {
        Map<String, String> details = new TreeMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put((String) keysAndValues[i], value instanceof Enum<?> constant ? constant.name()
                        : value.toString());
            }
        }
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activity details of plain strings cannot fail to serialize", e);
        }
    }

    /** The account's log, newest first (by the account's own event order), with the total count. */
    @QueryHandler
    public ActivityPage handle(FindActivityQuery query) {
        Paging paging = Paging.of(query.page(), query.size());
        List<ActivityView> items = jdbc.query("""
                        SELECT * FROM activity_entry WHERE user_id = ?
                         ORDER BY sequence_no DESC LIMIT ? OFFSET ?""",
                ENTRY, query.userId().value(), paging.size(), paging.offset());
        Long total = jdbc.queryForObject("SELECT count(*) FROM activity_entry WHERE user_id = ?", Long.class,
                query.userId().value());
        return new ActivityPage(items, total == null ? 0 : total, paging.page(), paging.size());
    }

    private static Map<String, String> details(String json) {
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activity details are not a JSON object of strings: " + json, e);
        }
    }

    private static final RowMapper<ActivityView> ENTRY = (rs, row) -> new ActivityView(
            rs.getLong("sequence_no"),
            new UserId(rs.getString("user_id")),
            rs.getString("type"),
            details(rs.getString("details")),
            rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("client_address"),
            rs.getString("user_agent"),
            rs.getString("actor_id"));
}
