package com.nettoria.query.identity;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.identity.FindSessionsQuery;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionPage;
import com.nettoria.coreapi.identity.SessionRefreshedEvent;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.SessionView;
import com.nettoria.coreapi.identity.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The login sessions read model: where each session was opened from (the login event's client address and user
 * agent metadata), when it was last used and from where, when it expires, and whether and why it ended. Every
 * change is guarded by the user aggregate's sequence number, so it can be replayed from zero.
 */
@Component
@ProcessingGroup(SessionProjection.PROCESSING_GROUP)
public class SessionProjection {

    public static final String PROCESSING_GROUP = "session-projection";

    private final JdbcTemplate jdbc;

    public SessionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LoginSucceededEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        String clientAddress = CausationMetadata.text(metaData, Causation.CLIENT_ADDRESS);
        jdbc.update("""
                INSERT INTO user_session (session_id, user_id, method, client_address, user_agent, created_at,
                                          last_used_at, last_client_address, expires_at, revoked, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)
                ON CONFLICT (session_id) DO NOTHING""",
                event.sessionId().value(), event.userId().value(), event.method().name(), clientAddress,
                CausationMetadata.text(metaData, Causation.USER_AGENT), Timestamp.from(occurredAt),
                Timestamp.from(occurredAt), clientAddress, Timestamp.from(event.sessionExpiresAt()), sequence);
    }

    @EventHandler
    void on(SessionRefreshedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        jdbc.update("""
                UPDATE user_session
                   SET last_used_at = ?, last_client_address = coalesce(?, last_client_address), last_sequence = ?
                 WHERE session_id = ? AND user_id = ? AND last_sequence < ?""",
                Timestamp.from(occurredAt), CausationMetadata.text(metaData, Causation.CLIENT_ADDRESS), sequence,
                event.sessionId().value(), event.userId().value(), sequence);
    }

    @EventHandler
    void on(SessionRevokedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        jdbc.update("""
                UPDATE user_session
                   SET revoked = TRUE, revocation_reason = ?, revoked_at = ?, last_sequence = ?
                 WHERE session_id = ? AND user_id = ? AND last_sequence < ? AND NOT revoked""",
                event.reason() == null ? null : event.reason().name(), Timestamp.from(occurredAt), sequence,
                event.sessionId().value(), event.userId().value(), sequence);
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM user_session");
    }

    /** The sessions that have neither ended nor expired, most recently used first. */
    @QueryHandler
    public SessionPage handle(FindSessionsQuery query) {
        Instant now = Instant.now();
        return new SessionPage(jdbc.query("""
                        SELECT * FROM user_session
                         WHERE user_id = ? AND NOT revoked AND expires_at > ?
                         ORDER BY last_used_at DESC, created_at DESC, session_id""",
                session(now), query.userId().value(), Timestamp.from(now)));
    }

    private static RowMapper<SessionView> session(Instant now) {
        return (rs, row) -> {
            String reason = rs.getString("revocation_reason");
            Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
            return new SessionView(
                    new SessionId(rs.getString("session_id")),
                    new UserId(rs.getString("user_id")),
                    LoginMethod.valueOf(rs.getString("method")),
                    rs.getString("client_address"),
                    rs.getString("user_agent"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("last_used_at").toInstant(),
                    rs.getString("last_client_address"),
                    expiresAt,
                    !rs.getBoolean("revoked") && expiresAt.isAfter(now),
                    reason == null ? null : SessionRevocationReason.valueOf(reason));
        };
    }
}
