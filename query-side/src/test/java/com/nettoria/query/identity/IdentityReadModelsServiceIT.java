package com.nettoria.query.identity;

import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.ActivityPage;
import com.nettoria.coreapi.identity.ActivityView;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.FindActivityQuery;
import com.nettoria.coreapi.identity.FindSessionsQuery;
import com.nettoria.coreapi.identity.FindUserByLoginQuery;
import com.nettoria.coreapi.identity.FindUserQuery;
import com.nettoria.coreapi.identity.FindUsersQuery;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.RoleGrantedEvent;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionPage;
import com.nettoria.coreapi.identity.SessionRefreshedEvent;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.SessionView;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserPage;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import com.nettoria.coreapi.identity.UserView;
import com.nettoria.query.service.QuerySideService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static com.nettoria.query.identity.UserEvents.FAR_FUTURE;
import static com.nettoria.query.identity.UserEvents.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The identity read models in the running query service (its own configuration, no profile: events from the
 * JDBC event store in PostgreSQL, which the command side migrates first). Events with their request metadata
 * are appended to the event store as the user aggregate records them; the projections' pooled processors pick
 * them up, and the read models are asked through the query bus, polling until they have caught up.
 */
class IdentityReadModelsServiceIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15";

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static EventStore eventStore;
    private static QueryGateway queries;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startTheQueryServiceOnADatabaseTheCommandSideMigrated() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        service = QuerySideService.startOnCommandSideMigratedDatabase(postgres);
        eventStore = service.getBean(EventStore.class);
        queries = service.getBean(QueryGateway.class);
        jdbc = service.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachIdentityReadModelHasAPooledProcessorOfItsOwnWithADeadLetterQueue() {
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        for (String group : List.of(UserAccountProjection.PROCESSING_GROUP, SessionProjection.PROCESSING_GROUP,
                ActivityLogProjection.PROCESSING_GROUP)) {
            assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.deadLetterQueue(group)).as(group)
                    .hasValueSatisfying(queue -> assertThat(queue).isInstanceOf(JdbcSequencedDeadLetterQueue.class));
            assertThat(jdbc.queryForList("SELECT segment FROM tokenentry WHERE processorname = ? ORDER BY segment",
                    Integer.class, group)).as(group).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void aRegisteredVerifiedAccountWithANewRoleIsFoundByIdLoginAndSearch() {
        UserEvents user = newUser();
        String email = user.userId().value().substring(0, 8) + "@example.com";
        String mobile = uniqueMobile();
        append(
                user.next(user.registered("Leila", "Rahimi", email, mobile, Role.CUSTOMER), fromBrowser(user)),
                user.next(new EmailVerifiedEvent(user.userId(), EmailAddress.parse(email)), fromBrowser(user)),
                user.next(new MobileVerifiedEvent(user.userId(), MobileNumber.parse(mobile)), fromBrowser(user)),
                user.next(new IdentityDocumentSubmittedEvent(user.userId(), UserEvents.IRANIAN_DOCUMENT),
                        fromBrowser(user)),
                user.next(new RoleGrantedEvent(user.userId(), Role.AUDITOR), request("admin-1", "10.0.0.5", "console")));

        UserView view = eventually(() -> query(new FindUserQuery(user.userId()), UserView.class),
                found -> found != null && found.roles().contains(Role.AUDITOR));
        assertThat(view.contactsVerified()).isTrue();
        assertThat(view.identityStatus()).isEqualTo(IdentityStatus.SUBMITTED);
        assertThat(view.identityDocumentNumber()).isEqualTo("******0899");
        assertThat(view.registeredAt()).isEqualTo(user.lastTime().minusSeconds(4));
        assertThat(query(new FindUserByLoginQuery(email.toUpperCase()), UserView.class).userId()).isEqualTo(user.userId());
        assertThat(query(new FindUserByLoginQuery(mobile), UserView.class).userId()).isEqualTo(user.userId());
        UserPage auditors = query(new FindUsersQuery("rahimi", AccountStatus.ACTIVE, Role.AUDITOR, 0, 50), UserPage.class);
        assertThat(auditors.items()).extracting(UserView::userId).contains(user.userId());
        assertThat(query(new FindUserQuery(new UserId("nobody-" + UUID.randomUUID())), UserView.class)).isNull();
    }

    @Test
    void aSessionIsListedWhereItWasOpenedMovesWhenRefreshedAndIsGoneAndRevokedOnceEnded() {
        UserEvents user = registered();
        SessionId session = SessionId.random();
        append(user.next(user.loggedIn(session, FAR_FUTURE), request(user.userId().value(), "203.0.113.7", BROWSER)));

        SessionView opened = eventually(() -> onlySession(user), Objects::nonNull);
        assertThat(opened.sessionId()).isEqualTo(session);
        assertThat(opened.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(opened.userAgent()).isEqualTo(BROWSER);
        assertThat(opened.lastUsedAt()).isEqualTo(user.lastTime());
        assertThat(eventually(() -> access(user, session), AccessView::known).sessionRevoked()).isFalse();

        append(user.after(Duration.ofMinutes(15), new SessionRefreshedEvent(user.userId(), session, "h2", "h1"),
                request(user.userId().value(), "198.51.100.23", BROWSER)));
        Instant refreshedAt = user.lastTime();
        SessionView refreshed = eventually(() -> onlySession(user),
                found -> found != null && found.lastUsedAt().equals(refreshedAt));
        assertThat(refreshed.lastClientAddress()).isEqualTo("198.51.100.23");
        assertThat(refreshed.clientAddress()).isEqualTo("203.0.113.7");

        append(user.next(new SessionRevokedEvent(user.userId(), session, SessionRevocationReason.LOGOUT),
                request(user.userId().value(), "198.51.100.23", BROWSER)));
        eventually(() -> access(user, session), AccessView::sessionRevoked);
        assertThat(query(new FindSessionsQuery(user.userId()), SessionPage.class).items()).isEmpty();
        ActivityPage activity = eventually(() -> query(new FindActivityQuery(user.userId(), 0, 10), ActivityPage.class),
                page -> page.total() == 3);
        assertThat(activity.items()).extracting(ActivityView::type)
                .containsExactly("session.revoked", "login.succeeded", "account.registered");
        assertThat(activity.items().get(0).clientAddress()).isEqualTo("198.51.100.23");
        assertThat(activity.items().get(1).userAgent()).isEqualTo(BROWSER);
        assertThat(activity.items().get(1).actorId()).isEqualTo(user.userId().value());
    }

    @Test
    void anAccountTheReadModelsDoNotKnowIsUnknownToTheAccessCheck() {
        AccessView access = query(new CheckAccessQuery(new UserId("unknown-" + UUID.randomUUID()), SessionId.random()),
                AccessView.class);

        assertThat(access).isEqualTo(AccessView.unknown());
    }

    @Test
    void aSuspensionIsSeenByTheAccessCheck() {
        UserEvents user = registered();
        append(user.next(new UserSuspendedEvent(user.userId(), "fraud"), request("admin-1", "10.0.0.5", "console")));

        AccessView access = eventually(() -> access(user, SessionId.random()),
                found -> found.status() == AccountStatus.SUSPENDED);
        assertThat(access.known()).isTrue();
        assertThat(access.roles()).containsExactly(Role.CUSTOMER);
    }

    @Test
    void replayingTheUserAccountsFromTheFirstEventRebuildsTheSameRows() {
        UserEvents first = registered();
        UserEvents second = registered();
        append(
                first.next(new RoleGrantedEvent(first.userId(), Role.SUPPORT)),
                second.next(new UserSuspendedEvent(second.userId(), "abuse")),
                first.next(first.loggedIn(SessionId.random(), FAR_FUTURE)));
        eventually(() -> query(new FindUserQuery(first.userId()), UserView.class),
                view -> view != null && view.lastLoginAt() != null);
        eventually(() -> query(new FindUserQuery(second.userId()), UserView.class),
                view -> view != null && view.status() == AccountStatus.SUSPENDED);
        List<String> before = accounts(first, second);

        PooledStreamingEventProcessor processor = service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(UserAccountProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(accounts(first, second)).as("right after the reset").isEmpty();
        processor.start();

        assertThat(eventually(() -> accounts(first, second), before::equals)).hasSize(2);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static UserEvents newUser() {
        // whole seconds: the JDBC event store keeps timestamps to the millisecond
        return new UserEvents(new UserId(UUID.randomUUID().toString()),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600));
    }

    private static UserEvents registered() {
        UserEvents user = newUser();
        append(user.next(user.registered("Test", "User", user.userId().value().substring(0, 8) + "@example.com",
                uniqueMobile(), Role.CUSTOMER), fromBrowser(user)));
        return user;
    }

    private static String uniqueMobile() {
        return "0912" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
    }

    private static MetaData fromBrowser(UserEvents user) {
        return request(user.userId().value(), "203.0.113.7", BROWSER);
    }

    private static void append(EventMessage<?>... events) {
        eventStore.publish(events);
    }

    private static <R> R query(Object query, Class<R> responseType) {
        return queries.query(query, responseType).join();
    }

    private static SessionView onlySession(UserEvents user) {
        List<SessionView> sessions = query(new FindSessionsQuery(user.userId()), SessionPage.class).items();
        return sessions.size() == 1 ? sessions.get(0) : null;
    }

    private static AccessView access(UserEvents user, SessionId session) {
        return query(new CheckAccessQuery(user.userId(), session), AccessView.class);
    }

    private static List<String> accounts(UserEvents one, UserEvents other) {
        return jdbc.queryForList("SELECT row_to_json(t)::text FROM user_account t WHERE user_id IN (?, ?) ORDER BY user_id",
                String.class, one.userId().value(), other.userId().value());
    }

    /** Polls until the read model shows what {@code expected} says (the supplier answers null while it lags). */
    private static <T> T eventually(Callable<T> read, Predicate<T> expected) {
        AtomicReference<T> seen = new AtomicReference<>();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen.set(read.call());
            return expected.test(seen.get());
        });
        return seen.get();
    }
}
