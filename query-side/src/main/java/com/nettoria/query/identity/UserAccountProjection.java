package com.nettoria.query.identity;

import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.FindUserByLoginQuery;
import com.nettoria.coreapi.identity.FindUserQuery;
import com.nettoria.coreapi.identity.FindUsersQuery;
import com.nettoria.coreapi.identity.IdentityDocument;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.IdentityVerifiedEvent;
import com.nettoria.coreapi.identity.InvalidIdentityInputException;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.ProfileUpdatedEvent;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.RoleGrantedEvent;
import com.nettoria.coreapi.identity.RoleRevokedEvent;
import com.nettoria.coreapi.identity.TwoFactorDisabledEvent;
import com.nettoria.coreapi.identity.TwoFactorEnabledEvent;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserPage;
import com.nettoria.coreapi.identity.UserReactivatedEvent;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import com.nettoria.coreapi.identity.UserView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user accounts read model: one row per account with everything {@link UserView} shows. The identity
 * document number is kept masked only. Every change is guarded by the user aggregate's sequence number, so a
 * repeated or older event changes nothing and the projection can be replayed from zero.
 */
@Component
@ProcessingGroup(UserAccountProjection.PROCESSING_GROUP)
public class UserAccountProjection {

    public static final String PROCESSING_GROUP = "user-account-projection";

    private final JdbcTemplate jdbc;

    public UserAccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegisteredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        jdbc.update("""
                INSERT INTO user_account (user_id, first_name, last_name, email, mobile, email_verified,
                                          mobile_verified, status, roles, two_factor_enabled, language,
                                          identity_status, registered_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, FALSE, FALSE, ?, string_to_array(?, ','), FALSE, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO NOTHING""",
                event.userId().value(), event.firstName(), event.lastName(), event.email().value(),
                event.mobile().value(), AccountStatus.ACTIVE.name(), roleList(event.roles()), event.language(),
                IdentityStatus.NONE.name(), Timestamp.from(occurredAt), sequence);
    }

    @EventHandler
    void on(EmailVerifiedEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "email_verified = TRUE");
    }

    @EventHandler
    void on(MobileVerifiedEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "mobile_verified = TRUE");
    }

    @EventHandler
    void on(ProfileUpdatedEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "first_name = ?, last_name = ?, language = ?",
                event.firstName(), event.lastName(), event.language());
    }

    @EventHandler
    void on(UserSuspendedEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "status = ?, suspension_reason = ?",
                AccountStatus.SUSPENDED.name(), event.reason());
    }

    @EventHandler
    void on(UserReactivatedEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "status = ?, suspension_reason = NULL", AccountStatus.ACTIVE.name());
    }

    @EventHandler
    void on(RoleGrantedEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence,
                "roles = ARRAY(SELECT DISTINCT r FROM unnest(array_append(roles, ?::text)) AS r ORDER BY r)",
                event.role().name());
    }

    @EventHandler
    void on(RoleRevokedEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "roles = array_remove(roles, ?::text)", event.role().name());
    }

    @EventHandler
    void on(TwoFactorEnabledEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "two_factor_enabled = TRUE");
    }

    @EventHandler
    void on(TwoFactorDisabledEvent event, @SequenceNumber long sequence) {
        change(event.userId(), sequence, "two_factor_enabled = FALSE");
    }

    @EventHandler
    void on(IdentityDocumentSubmittedEvent event, @SequenceNumber long sequence) {
        identity(event.userId(), sequence, IdentityStatus.SUBMITTED, event.document());
    }

    @EventHandler
    void on(IdentityVerifiedEvent event, @SequenceNumber long sequence) {
        identity(event.userId(), sequence, IdentityStatus.VERIFIED, event.document());
    }

    @EventHandler
    void on(LoginSucceededEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.userId(), sequence, "last_login_at = ?", Timestamp.from(occurredAt));
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM user_account");
    }

    private void identity(UserId userId, long sequence, IdentityStatus status, IdentityDocument document) {
        change(userId, sequence, """
                        identity_status = ?, identity_document_type = ?, identity_document_masked = ?,
                        identity_country = ?, birth_date = ?""",
                status.name(), document.type().name(), document.maskedNumber(), document.country(),
                document.birthDate());
    }

    /** Applies {@code assignments} unless this event (or a later one) of the account was applied already. */
    private void change(UserId userId, long sequence, String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.add(sequence);
        arguments.add(userId.value());
        arguments.add(sequence);
        jdbc.update("UPDATE user_account SET " + assignments + ", last_sequence = ? WHERE user_id = ? AND last_sequence < ?",
                arguments.toArray());
    }

    @QueryHandler
    public UserView handle(FindUserQuery query) {
        return jdbc.query("SELECT * FROM user_account WHERE user_id = ?", USER, query.userId().value())
                .stream().findFirst().orElse(null);
    }

    /** By email when the login has an {@code @}, else by mobile; both normalized as the write side does. */
    @QueryHandler
    public UserView handle(FindUserByLoginQuery query) {
        String login = query.login();
        if (login == null || login.isBlank()) {
            return null;
        }
        try {
            return login.contains("@")
                    ? first("email", EmailAddress.parse(login).value())
                    : first("mobile", MobileNumber.parse(login).value());
        } catch (InvalidIdentityInputException notALogin) {
            return null;
        }
    }

    private UserView first(String column, String value) {
        return jdbc.query("SELECT * FROM user_account WHERE " + column + " = ? ORDER BY registered_at, user_id LIMIT 1",
                USER, value).stream().findFirst().orElse(null);
    }

    /**
     * Text matches names, email and mobile, case-insensitively; a text that is a mobile number in any accepted
     * form (e.g. {@code 0912…}) also finds that number. Newest accounts first.
     */
    @QueryHandler
    public UserPage handle(FindUsersQuery query) {
        Paging paging = Paging.of(query.page(), query.size());
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            where.append(" AND (search_text LIKE '%' || lower(?) || '%' ESCAPE '\\' OR mobile = ?)");
            arguments.add(Paging.likeLiteral(text));
            arguments.add(mobileOrNull(text));
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            arguments.add(query.status().name());
        }
        if (query.role() != null) {
            where.append(" AND roles @> ARRAY[?::text]");
            arguments.add(query.role().name());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM user_account" + where, Long.class, arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(paging.size());
        pageArguments.add(paging.offset());
        List<UserView> items = jdbc.query("SELECT * FROM user_account" + where
                        + " ORDER BY registered_at DESC, user_id DESC LIMIT ? OFFSET ?",
                USER, pageArguments.toArray());
        return new UserPage(items, total == null ? 0 : total, paging.page(), paging.size());
    }

    private static String mobileOrNull(String text) {
        try {
            return MobileNumber.parse(text).value();
        } catch (InvalidIdentityInputException notAMobileNumber) {
            return null;
        }
    }

    private static String roleList(Set<Role> roles) {
        return roles == null ? "" : roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) name));
        }
        return Set.copyOf(roles);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final RowMapper<UserView> USER = (rs, row) -> {
        String documentType = rs.getString("identity_document_type");
        return new UserView(
                new UserId(rs.getString("user_id")),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("mobile"),
                rs.getBoolean("email_verified"),
                rs.getBoolean("mobile_verified"),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getString("suspension_reason"),
                roles(rs.getArray("roles")),
                rs.getBoolean("two_factor_enabled"),
                rs.getString("language"),
                IdentityStatus.valueOf(rs.getString("identity_status")),
                documentType == null ? null : IdentityDocument.Type.valueOf(documentType),
                rs.getString("identity_document_masked"),
                rs.getString("identity_country"),
                rs.getObject("birth_date", LocalDate.class),
                rs.getTimestamp("registered_at").toInstant(),
                instant(rs.getTimestamp("last_login_at")));
    };
}
