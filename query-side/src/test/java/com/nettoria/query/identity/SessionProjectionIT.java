package com.nettoria.query.identity;

import com.nettoria.coreapi.identity.FindSessionsQuery;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionRefreshedEvent;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.SessionView;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.nettoria.query.identity.ReadModelDatabase.count;
import static com.nettoria.query.identity.ReadModelDatabase.everything;
import static com.nettoria.query.identity.ReadModelDatabase.rows;
import static com.nettoria.query.identity.UserEvents.FAR_FUTURE;
import static com.nettoria.query.identity.UserEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The login sessions read model against a real PostgreSQL with the query side's own migrations. */
class SessionProjectionIT {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148";

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private SessionProjection projection;
    private Projector projector;
    private UserEvents sara;

    @BeforeEach
    void newProjectionOnEmptyReadModels() {
        jdbc = ReadModelDatabase.emptied(DATABASE);
        projection = new SessionProjection(jdbc);
        projector = new Projector(projection);
        sara = UserEvents.of("user-sara");
        sara.next(sara.registered("Sara", "Ahmadi", "sara@example.com", "09121234567"));
    }

    @Test
    void aLoginIsListedWithTheAddressAndUserAgentItCameFrom() {
        SessionId session = new SessionId("session-1");
        projector.handle(sara.next(sara.loggedIn(session, FAR_FUTURE), request("user-sara", "203.0.113.7", FIREFOX)));

        SessionView view = single(sessions());
        assertThat(view.sessionId()).isEqualTo(session);
        assertThat(view.userId()).isEqualTo(sara.userId());
        assertThat(view.method()).isEqualTo(LoginMethod.PASSWORD);
        assertThat(view.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(view.userAgent()).isEqualTo(FIREFOX);
        assertThat(view.createdAt()).isEqualTo(sara.lastTime());
        assertThat(view.lastUsedAt()).isEqualTo(sara.lastTime());
        assertThat(view.lastClientAddress()).isEqualTo("203.0.113.7");
        assertThat(view.expiresAt()).isEqualTo(FAR_FUTURE);
        assertThat(view.active()).isTrue();
        assertThat(view.revocationReason()).isNull();
        assertThat(everything(jdbc, "user_session")).doesNotContain("refresh-hash");
    }

    @Test
    void aRefreshMovesTheLastUseAndAddressButKeepsWhereTheSessionWasOpened() {
        SessionId session = new SessionId("session-1");
        projector.handle(sara.next(sara.loggedIn(session, FAR_FUTURE), request("user-sara", "203.0.113.7", FIREFOX)));
        Instant openedAt = sara.lastTime();

        projector.handle(sara.after(Duration.ofMinutes(20), refreshed(session), request("user-sara", "198.51.100.4", FIREFOX)));

        SessionView view = single(sessions());
        assertThat(view.createdAt()).isEqualTo(openedAt);
        assertThat(view.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(view.lastUsedAt()).isEqualTo(openedAt.plus(Duration.ofMinutes(20)));
        assertThat(view.lastClientAddress()).isEqualTo("198.51.100.4");
        assertThat(everything(jdbc, "user_session")).doesNotContain("refresh-hash");
    }

    @Test
    void aRefreshWithoutAnAddressKeepsTheLastKnownAddress() {
        SessionId session = new SessionId("session-1");
        projector.handle(sara.next(sara.loggedIn(session, FAR_FUTURE), request("user-sara", "203.0.113.7", FIREFOX)));

        projector.handle(sara.next(refreshed(session)));

        assertThat(single(sessions()).lastClientAddress()).isEqualTo("203.0.113.7");
        assertThat(single(sessions()).lastUsedAt()).isEqualTo(sara.lastTime());
    }

    @Test
    void aRevokedSessionIsNoLongerListedAndKeepsWhyItEnded() {
        SessionId kept = new SessionId("session-kept");
        SessionId ended = new SessionId("session-ended");
        projector.handle(
                sara.next(sara.loggedIn(kept, FAR_FUTURE), request("user-sara", "203.0.113.7", FIREFOX)),
                sara.next(sara.loggedIn(ended, FAR_FUTURE), request("user-sara", "203.0.113.8", PHONE)),
                sara.next(new SessionRevokedEvent(sara.userId(), ended, SessionRevocationReason.REVOKED_BY_USER)));

        assertThat(sessions()).extracting(SessionView::sessionId).containsExactly(kept);
        assertThat(jdbc.queryForObject("SELECT revocation_reason FROM user_session WHERE session_id = ?",
                String.class, ended.value())).isEqualTo("REVOKED_BY_USER");
        assertThat(jdbc.queryForObject("SELECT revoked FROM user_session WHERE session_id = ?",
                Boolean.class, ended.value())).isTrue();
    }

    @Test
    void aRefreshAfterTheRevocationDoesNotBringTheSessionBack() {
        SessionId session = new SessionId("session-1");
        projector.handle(sara.next(sara.loggedIn(session, FAR_FUTURE)));
        DomainEventMessage<SessionRefreshedEvent> refresh = sara.next(refreshed(session));
        projector.handle(refresh,
                sara.next(new SessionRevokedEvent(sara.userId(), session, SessionRevocationReason.LOGOUT)));

        projector.handle(refresh);

        assertThat(sessions()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT revoked FROM user_session", Boolean.class)).isTrue();
    }

    @Test
    void anExpiredSessionIsNotListed() {
        projector.handle(
                sara.next(sara.loggedIn(new SessionId("session-expired"), Instant.parse("2020-01-01T00:00:00Z"))),
                sara.next(sara.loggedIn(new SessionId("session-live"), FAR_FUTURE)));

        assertThat(sessions()).extracting(view -> view.sessionId().value()).containsExactly("session-live");
    }

    @Test
    void sessionsAreListedMostRecentlyUsedFirst() {
        SessionId laptop = new SessionId("session-laptop");
        SessionId phone = new SessionId("session-phone");
        SessionId tablet = new SessionId("session-tablet");
        projector.handle(
                sara.next(sara.loggedIn(laptop, FAR_FUTURE)),
                sara.next(sara.loggedIn(phone, FAR_FUTURE)),
                sara.next(sara.loggedIn(tablet, FAR_FUTURE)));
        assertThat(sessions()).extracting(SessionView::sessionId).containsExactly(tablet, phone, laptop);

        projector.handle(sara.next(refreshed(laptop)));

        assertThat(sessions()).extracting(SessionView::sessionId).containsExactly(laptop, tablet, phone);
    }

    @Test
    void anotherAccountsSessionsAreNotListedAndCannotBeTouched() {
        UserEvents omid = UserEvents.of("user-omid");
        omid.next(omid.registered("Omid", "Karimi", "omid@example.com", "09351112233"));
        SessionId saras = new SessionId("session-sara");
        projector.handle(
                sara.next(sara.loggedIn(saras, FAR_FUTURE)),
                omid.next(omid.loggedIn(new SessionId("session-omid"), FAR_FUTURE)),
                omid.next(new SessionRevokedEvent(omid.userId(), saras, SessionRevocationReason.REVOKED_BY_USER)));

        assertThat(sessions()).extracting(SessionView::sessionId).containsExactly(saras);
        assertThat(projection.handle(new FindSessionsQuery(omid.userId())).items())
                .extracting(view -> view.sessionId().value()).containsExactly("session-omid");
    }

    @Test
    void aLoginWithoutRequestMetadataIsStillASession() {
        projector.handle(sara.next(sara.loggedIn(new SessionId("session-1"), FAR_FUTURE), MetaData.emptyInstance()));

        SessionView view = single(sessions());
        assertThat(view.clientAddress()).isNull();
        assertThat(view.userAgent()).isNull();
        assertThat(view.active()).isTrue();
    }

    @Test
    void theSameEventsHandledAgainChangeNothingAndAResetAndReplayRebuildsTheSameRows() {
        SessionId first = new SessionId("session-1");
        SessionId second = new SessionId("session-2");
        List<DomainEventMessage<?>> stream = List.of(
                sara.next(sara.loggedIn(first, FAR_FUTURE), request("user-sara", "203.0.113.7", FIREFOX)),
                sara.next(sara.loggedIn(second, FAR_FUTURE), request("user-sara", "203.0.113.8", PHONE)),
                sara.next(refreshed(first), request("user-sara", "203.0.113.9", FIREFOX)),
                sara.next(new SessionRevokedEvent(sara.userId(), second, SessionRevocationReason.LOGOUT)));
        projector.handle(stream);
        List<String> before = rows(jdbc, "user_session", "session_id");

        projector.handle(stream);
        assertThat(rows(jdbc, "user_session", "session_id")).isEqualTo(before);

        projector.reset();
        assertThat(count(jdbc, "user_session")).isZero();
        projector.handle(stream);
        assertThat(rows(jdbc, "user_session", "session_id")).isEqualTo(before);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private SessionRefreshedEvent refreshed(SessionId session) {
        return new SessionRefreshedEvent(sara.userId(), session, "refresh-hash-next", "refresh-hash-previous");
    }

    private List<SessionView> sessions() {
        return projection.handle(new FindSessionsQuery(sara.userId())).items();
    }

    private static SessionView single(List<SessionView> sessions) {
        assertThat(sessions).hasSize(1);
        return sessions.get(0);
    }
}
