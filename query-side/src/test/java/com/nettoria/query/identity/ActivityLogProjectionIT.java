package com.nettoria.query.identity;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.identity.ActivityPage;
import com.nettoria.coreapi.identity.ActivityView;
import com.nettoria.coreapi.identity.CodePurpose;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.FindActivityQuery;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityVerifiedEvent;
import com.nettoria.coreapi.identity.LoginFailedEvent;
import com.nettoria.coreapi.identity.LoginFailureReason;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeConsumedEvent;
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
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionRefreshedEvent;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.TwoFactorDisabledEvent;
import com.nettoria.coreapi.identity.TwoFactorEnabledEvent;
import com.nettoria.coreapi.identity.TwoFactorSetupStartedEvent;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserReactivatedEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.nettoria.query.identity.ReadModelDatabase.count;
import static com.nettoria.query.identity.ReadModelDatabase.everything;
import static com.nettoria.query.identity.ReadModelDatabase.rows;
import static com.nettoria.query.identity.UserEvents.FAR_FUTURE;
import static com.nettoria.query.identity.UserEvents.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** An account's activity log against a real PostgreSQL with the query side's own migrations. */
class ActivityLogProjectionIT {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0";
    private static final String CODE_HASH = "hmac-sha256:3f1c0ffee0ddba11";
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final String RECOVERY_HASH = "{argon2}recovery-code-hash";
    private static final String REFRESH_HASH = "sha256:refresh-token-hash";
    private static final String CHALLENGE = "challenge-7f3e2a";

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private ActivityLogProjection projection;
    private Projector projector;
    private UserEvents sara;
    private UserId id;

    @BeforeEach
    void newProjectionOnEmptyReadModels() {
        jdbc = ReadModelDatabase.emptied(DATABASE);
        projection = new ActivityLogProjection(jdbc);
        projector = new Projector(projection);
        sara = UserEvents.of("user-sara");
        id = sara.userId();
    }

    @Test
    void everyEventOfTheAccountsLifeIsOneEntryNewestFirst() {
        projector.handle(wholeLife());

        assertThat(log(0, 100).items()).extracting(ActivityView::type).containsExactly(
                "account.reactivated",
                "account.suspended",
                "role.revoked",
                "role.granted",
                "identity.verified",
                "identity.submitted",
                "profile.updated",
                "password.reset",
                "password.changed",
                "session.revoked",
                "two-factor.disabled",
                "recovery-code.used",
                "login.succeeded",
                "second-factor.requested",
                "two-factor.enabled",
                "two-factor.setup-started",
                "login.failed",
                "mobile.verified",
                "email.verified",
                "code.rejected",
                "code.sent",
                "account.registered");
        assertThat(log(0, 100).items()).extracting(ActivityView::userId).containsOnly(id);
    }

    @Test
    void eachEntryCarriesItsDetails() {
        projector.handle(wholeLife());

        assertThat(details("account.registered")).containsOnly(entry("roles", "CUSTOMER"));
        assertThat(details("code.sent")).containsOnly(entry("purpose", "VERIFY_EMAIL"), entry("channel", "EMAIL"));
        assertThat(details("code.rejected")).containsOnly(entry("purpose", "VERIFY_EMAIL"), entry("attemptsLeft", "4"));
        assertThat(details("login.failed"))
                .containsOnly(entry("reason", "WRONG_PASSWORD"), entry("consecutiveFailures", "1"));
        assertThat(details("login.succeeded"))
                .containsOnly(entry("method", "PASSWORD"), entry("sessionId", "session-1"));
        assertThat(details("session.revoked")).containsOnly(entry("reason", "LOGOUT"), entry("sessionId", "session-1"));
        assertThat(details("password.reset")).containsOnly(entry("channel", "SMS"));
        assertThat(details("two-factor.enabled")).containsOnly(entry("recoveryCodes", "2"));
        assertThat(details("profile.updated"))
                .containsOnly(entry("firstName", "Sarah"), entry("lastName", "Ahmadi"), entry("language", "en"));
        assertThat(details("identity.submitted")).containsOnly(entry("documentType", "IRANIAN_NATIONAL_CODE"),
                entry("maskedNumber", "******0899"), entry("country", "IR"));
        assertThat(details("identity.verified"))
                .containsOnly(entry("documentType", "IRANIAN_NATIONAL_CODE"), entry("maskedNumber", "******0899"));
        assertThat(details("account.suspended")).containsOnly(entry("reason", "unpaid invoices"));
        assertThat(details("role.granted")).containsOnly(entry("role", "SUPPORT"));
        assertThat(details("role.revoked")).containsOnly(entry("role", "SUPPORT"));
        assertThat(details("password.changed")).isEmpty();
        assertThat(details("email.verified")).isEmpty();
    }

    @Test
    void noHashSecretCodeChallengeOrFullDocumentNumberIsEverLogged() {
        projector.handle(wholeLife());

        assertThat(everything(jdbc, "activity_entry"))
                .isNotEmpty()
                .doesNotContain(UserEvents.PASSWORD_HASH)
                .doesNotContain(CODE_HASH)
                .doesNotContain(TOTP_SECRET)
                .doesNotContain(RECOVERY_HASH)
                .doesNotContain(REFRESH_HASH)
                .doesNotContain(CHALLENGE)
                .doesNotContain(UserEvents.NATIONAL_CODE)
                .doesNotContain("argon2")
                .doesNotContain("hash");
    }

    @Test
    void sessionRefreshesAndConsumedCodesAreNotLogged() {
        projector.handle(
                sara.next(new SessionRefreshedEvent(id, new SessionId("session-1"), REFRESH_HASH, "older")),
                sara.next(new OneTimeCodeConsumedEvent(id, "code-1", CodePurpose.LOGIN)));

        assertThat(count(jdbc, "activity_entry")).isZero();
    }

    @Test
    void eachEntrySaysWhenFromWhereAndByWhom() {
        DomainEventMessage<?> login = sara.next(sara.loggedIn(new SessionId("session-1"), FAR_FUTURE),
                request(id.value(), "203.0.113.7", BROWSER));
        DomainEventMessage<?> suspension = sara.next(new UserSuspendedEvent(id, "chargeback"),
                request("admin-7", "10.0.0.5", "nettoria-admin-console"));
        DomainEventMessage<?> unattributed = sara.next(new PasswordChangedEvent(id, UserEvents.PASSWORD_HASH));
        projector.handle(login, suspension, unattributed);

        List<ActivityView> entries = log(0, 20).items();
        ActivityView byAdmin = entries.get(1);
        assertThat(byAdmin.type()).isEqualTo("account.suspended");
        assertThat(byAdmin.actorId()).isEqualTo("admin-7");
        assertThat(byAdmin.clientAddress()).isEqualTo("10.0.0.5");
        assertThat(byAdmin.userAgent()).isEqualTo("nettoria-admin-console");
        assertThat(byAdmin.at()).isEqualTo(suspension.getTimestamp());
        assertThat(byAdmin.sequence()).isEqualTo(suspension.getSequenceNumber());
        ActivityView byUser = entries.get(2);
        assertThat(byUser.actorId()).isEqualTo(id.value());
        assertThat(byUser.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(byUser.userAgent()).isEqualTo(BROWSER);
        assertThat(byUser.at()).isEqualTo(login.getTimestamp());
        ActivityView nobody = entries.get(0);
        assertThat(nobody.actorId()).isNull();
        assertThat(nobody.clientAddress()).isNull();
        assertThat(nobody.userAgent()).isNull();
        assertThat(jdbc.queryForObject("SELECT event_id FROM activity_entry WHERE type = 'account.suspended'",
                String.class)).isEqualTo(suspension.getIdentifier());
    }

    @Test
    void theLogIsPagedNewestFirstWithTheTotal() {
        for (int i = 1; i <= 5; i++) {
            projector.handle(sara.next(new LoginFailedEvent(id, LoginFailureReason.WRONG_PASSWORD, i)));
        }

        ActivityPage first = log(0, 2);
        ActivityPage second = log(1, 2);
        ActivityPage last = log(2, 2);
        ActivityPage beyond = log(3, 2);

        assertThat(failures(first)).containsExactly("5", "4");
        assertThat(failures(second)).containsExactly("3", "2");
        assertThat(failures(last)).containsExactly("1");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(second.page()).isEqualTo(1);
        assertThat(log(-1, 1000).size()).isEqualTo(100);
        assertThat(log(-1, 1000).page()).isZero();
        assertThat(log(0, 0).items()).hasSize(1);
    }

    @Test
    void logsOfDifferentAccountsAreKeptApart() {
        UserEvents omid = UserEvents.of("user-omid");
        projector.handle(
                sara.next(new LoginFailedEvent(id, LoginFailureReason.WRONG_PASSWORD, 1)),
                omid.next(new RoleGrantedEvent(omid.userId(), Role.ADMIN)));

        assertThat(log(0, 20).items()).extracting(ActivityView::type).containsExactly("login.failed");
        assertThat(log(0, 20).total()).isEqualTo(1);
        assertThat(projection.handle(new FindActivityQuery(omid.userId(), 0, 20)).items())
                .extracting(ActivityView::type).containsExactly("role.granted");
    }

    @Test
    void theSameEventHandledAgainIsLoggedOnceAndAResetAndReplayRebuildsTheSameLog() {
        List<DomainEventMessage<?>> stream = wholeLife();
        projector.handle(stream);
        List<String> before = rows(jdbc, "activity_entry", "user_id, sequence_no");

        projector.handle(stream);
        projector.handle(stream.get(3));
        assertThat(rows(jdbc, "activity_entry", "user_id, sequence_no")).isEqualTo(before);

        projector.reset();
        assertThat(count(jdbc, "activity_entry")).isZero();
        projector.handle(stream);
        assertThat(rows(jdbc, "activity_entry", "user_id, sequence_no")).isEqualTo(before);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** One of every event the log shows, and some it does not, each from the user's browser. */
    private List<DomainEventMessage<?>> wholeLife() {
        MetaData browser = request(id.value(), "203.0.113.7", BROWSER);
        SessionId session = new SessionId("session-1");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(sara.next(sara.registered("Sara", "Ahmadi", "sara@example.com", "09121234567", Role.CUSTOMER), browser));
        events.add(sara.next(new OneTimeCodeIssuedEvent(id, "code-1", CodePurpose.VERIFY_EMAIL, ContactChannel.EMAIL,
                CODE_HASH, FAR_FUTURE, 5), browser));
        events.add(sara.next(new OneTimeCodeRejectedEvent(id, "code-1", CodePurpose.VERIFY_EMAIL, 4), browser));
        events.add(sara.next(new OneTimeCodeConsumedEvent(id, "code-1", CodePurpose.VERIFY_EMAIL), browser));
        events.add(sara.next(new EmailVerifiedEvent(id, EmailAddress.parse("sara@example.com")), browser));
        events.add(sara.next(new MobileVerifiedEvent(id, MobileNumber.parse("09121234567")), browser));
        events.add(sara.next(new LoginFailedEvent(id, LoginFailureReason.WRONG_PASSWORD, 1), browser));
        events.add(sara.next(new TwoFactorSetupStartedEvent(id, TOTP_SECRET), browser));
        events.add(sara.next(new TwoFactorEnabledEvent(id, List.of(RECOVERY_HASH, RECOVERY_HASH + "-2"), 55), browser));
        events.add(sara.next(new SecondFactorRequestedEvent(id, CHALLENGE, FAR_FUTURE), browser));
        events.add(sara.next(sara.loggedIn(session, FAR_FUTURE), browser));
        events.add(sara.next(new SessionRefreshedEvent(id, session, REFRESH_HASH, REFRESH_HASH + "-old"), browser));
        events.add(sara.next(new RecoveryCodeUsedEvent(id, 1), browser));
        events.add(sara.next(new TwoFactorDisabledEvent(id), browser));
        events.add(sara.next(new SessionRevokedEvent(id, session, SessionRevocationReason.LOGOUT), browser));
        events.add(sara.next(new PasswordChangedEvent(id, UserEvents.PASSWORD_HASH + "-new"), browser));
        events.add(sara.next(new PasswordResetEvent(id, UserEvents.PASSWORD_HASH + "-reset", ContactChannel.SMS), browser));
        events.add(sara.next(new ProfileUpdatedEvent(id, "Sarah", "Ahmadi", "en"), browser));
        events.add(sara.next(new IdentityDocumentSubmittedEvent(id, UserEvents.IRANIAN_DOCUMENT), browser));
        MetaData admin = MetaData.with(Causation.ACTOR_ID, "admin-7").and(Causation.CLIENT_ADDRESS, "10.0.0.5");
        events.add(sara.next(new IdentityVerifiedEvent(id, UserEvents.IRANIAN_DOCUMENT), admin));
        events.add(sara.next(new RoleGrantedEvent(id, Role.SUPPORT), admin));
        events.add(sara.next(new RoleRevokedEvent(id, Role.SUPPORT), admin));
        events.add(sara.next(new UserSuspendedEvent(id, "unpaid invoices"), admin));
        events.add(sara.next(new UserReactivatedEvent(id), admin));
        return events;
    }

    private ActivityPage log(int page, int size) {
        return projection.handle(new FindActivityQuery(id, page, size));
    }

    private Map<String, String> details(String type) {
        List<ActivityView> entries = log(0, 100).items().stream().filter(entry -> entry.type().equals(type)).toList();
        assertThat(entries).as("entries of type %s", type).hasSize(1);
        return entries.get(0).details();
    }

    private static List<String> failures(ActivityPage page) {
        return page.items().stream().map(entry -> entry.details().get("consecutiveFailures")).toList();
    }
}
