package com.nettoria.query.identity;

import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.IdentityStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Answers {@link CheckAccessQuery}, asked on every authenticated request, from the user accounts and sessions
 * read models: one statement, two primary-key lookups. An account the read model does not know yet is
 * {@link AccessView#unknown() unknown}, not refused (a fresh token may be ahead of the projection); a session the
 * read model does not know is not revoked, for the same reason.
 */
@Component
public class AccessCheck {

    /** Parameters: the session id (never null: "" for none), the user id. Both tables by primary key. */
    static final String SQL = """
            SELECT u.status, u.roles, u.email_verified, u.mobile_verified, u.identity_status,
                   coalesce(s.revoked, FALSE) AS session_revoked
              FROM user_account u
              LEFT JOIN user_session s ON s.session_id = ? AND s.user_id = u.user_id
             WHERE u.user_id = ?""";

    private final JdbcTemplate jdbc;

    public AccessCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public AccessView handle(CheckAccessQuery query) {
        if (query.userId() == null) {
            return AccessView.unknown();
        }
        String sessionId = query.sessionId() == null ? null : query.sessionId().value();
        return jdbc.query(SQL, ACCESS, sessionId == null ? "" : sessionId, query.userId().value())
                .stream().findFirst().orElseGet(AccessView::unknown);
    }

    private static final RowMapper<AccessView> ACCESS = (rs, row) -> new AccessView(
            true,
            rs.getBoolean("session_revoked"),
            AccountStatus.valueOf(rs.getString("status")),
            UserAccountProjection.roles(rs.getArray("roles")),
            rs.getBoolean("email_verified") && rs.getBoolean("mobile_verified"),
            IdentityStatus.valueOf(rs.getString("identity_status")));
}
