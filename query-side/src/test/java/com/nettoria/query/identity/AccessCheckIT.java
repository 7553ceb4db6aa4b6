package com.nettoria.query.identity;

import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.IdentityVerifiedEvent;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.RoleGrantedEvent;
import com.nettoria.coreapi.identity.RoleRevokedEvent;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserReactivatedEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static com.nettoria.query.identity.UserEvents.FAR_FUTURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access check asked on every authenticated request, answered from the user accounts and sessions read
 * models (a real PostgreSQL with the query side's own migrations).
 */
class AccessCheckIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private AccessCheck accessCheck;
    private Projector projector;
    private UserEvents sara;
    private final SessionId session = new SessionId("session-sara");

    @BeforeEach
    void saraHasRegisteredAndLoggedIn() {
        jdbc = ReadModelDatabase.emptied(DATABASE);
        accessCheck = new AccessCheck(jdbc);
        projector = new Projector(new UserAccountProjection(jdbc), new SessionProjection(jdbc));
        sara = UserEvents.of("user-sara");
        projector.handle(
                sara.next(sara.registered("Sara", "Ahmadi", "sara@example.com", "09121234567", Role.CUSTOMER)),
                sara.next(sara.loggedIn(session, FAR_FUTURE)));
    }

    @Test
    void anAccountTheReadModelDoesNotKnowYetIsUnknownNotRefused() {
        AccessView access = accessCheck.handle(new CheckAccessQuery(new UserId("user-newer-than-the-read-model"),
                new SessionId("session-new")));

        assertThat(access.known()).isFalse();
        assertThat(access.sessionRevoked()).isFalse();
        assertThat(access).isEqualTo(AccessView.unknown());
    }

    @Test
    void aKnownAccountWithALiveSessionMayActWithItsCurrentRoles() {
        AccessView access = check(session);

        assertThat(access.known()).isTrue();
        assertThat(access.sessionRevoked()).isFalse();
        assertThat(access.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(access.roles()).containsExactly(Role.CUSTOMER);
        assertThat(access.contactsVerified()).isFalse();
        assertThat(access.identityStatus()).isEqualTo(IdentityStatus.NONE);
    }

    @Test
    void rolesAreTheAccountsCurrentRoles() {
        projector.handle(
                sara.next(new RoleGrantedEvent(sara.userId(), Role.ADMIN)),
                sara.next(new RoleRevokedEvent(sara.userId(), Role.CUSTOMER)));

        assertThat(check(session).roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aRevokedSessionIsReportedRevoked() {
        projector.handle(sara.next(new SessionRevokedEvent(sara.userId(), session, SessionRevocationReason.LOGOUT)));

        assertThat(check(session).sessionRevoked()).isTrue();
        assertThat(check(session).known()).isTrue();
    }

    @Test
    void aSessionTheReadModelDoesNotKnowYetIsNotRevoked() {
        assertThat(check(new SessionId("session-newer-than-the-read-model")).sessionRevoked()).isFalse();
        assertThat(check(null).sessionRevoked()).isFalse();
        assertThat(check(null).known()).isTrue();
    }

    @Test
    void anotherAccountsRevokedSessionDoesNotCount() {
        UserEvents omid = UserEvents.of("user-omid");
        SessionId omids = new SessionId("session-omid");
        projector.handle(
                omid.next(omid.registered("Omid", "Karimi", "omid@example.com", "09351112233", Role.CUSTOMER)),
                omid.next(omid.loggedIn(omids, FAR_FUTURE)),
                omid.next(new SessionRevokedEvent(omid.userId(), omids, SessionRevocationReason.LOGOUT)));

        assertThat(check(omids).sessionRevoked()).isFalse();
        assertThat(accessCheck.handle(new CheckAccessQuery(omid.userId(), omids)).sessionRevoked()).isTrue();
    }

    @Test
    void aSuspendedAccountIsReportedSuspendedUntilItIsReactivated() {
        projector.handle(sara.next(new UserSuspendedEvent(sara.userId(), "fraud")));
        assertThat(check(session).status()).isEqualTo(AccountStatus.SUSPENDED);

        projector.handle(sara.next(new UserReactivatedEvent(sara.userId())));
        assertThat(check(session).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void contactsAreVerifiedOnlyWhenBothAreAndTheIdentityStatusFollowsTheDocument() {
        projector.handle(sara.next(new EmailVerifiedEvent(sara.userId(), EmailAddress.parse("sara@example.com"))));
        assertThat(check(session).contactsVerified()).isFalse();

        projector.handle(
                sara.next(new MobileVerifiedEvent(sara.userId(), MobileNumber.parse("09121234567"))),
                sara.next(new IdentityDocumentSubmittedEvent(sara.userId(), UserEvents.IRANIAN_DOCUMENT)));
        assertThat(check(session).contactsVerified()).isTrue();
        assertThat(check(session).identityStatus()).isEqualTo(IdentityStatus.SUBMITTED);

        projector.handle(sara.next(new IdentityVerifiedEvent(sara.userId(), UserEvents.IRANIAN_DOCUMENT)));
        assertThat(check(session).identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
    }

    @Test
    void theCheckReadsBothTablesThroughTheirIndexesWithoutScanning() throws SQLException {
        try (Connection connection = DATABASE.getTestDatabase().getConnection()) {
            JdbcTemplate oneConnection = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            // tiny tables are cheaper to scan; forbid it to see which indexes the statement can use
            oneConnection.execute("SET enable_seqscan = off");
            List<String> plan = oneConnection.queryForList("EXPLAIN " + AccessCheck.SQL, String.class,
                    session.value(), sara.userId().value());

            assertThat(String.join("\n", plan))
                    .doesNotContain("Seq Scan")
                    .contains("Index Scan using user_account_pkey on user_account")
                    .containsPattern("Index Scan using user_session_\\w+ on user_session");
        }
    }

    private AccessView check(SessionId sessionId) {
        return accessCheck.handle(new CheckAccessQuery(sara.userId(), sessionId));
    }
}
