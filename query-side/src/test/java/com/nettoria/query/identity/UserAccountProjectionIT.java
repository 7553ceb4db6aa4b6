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
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.ProfileUpdatedEvent;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.RoleGrantedEvent;
import com.nettoria.coreapi.identity.RoleRevokedEvent;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.TwoFactorDisabledEvent;
import com.nettoria.coreapi.identity.TwoFactorEnabledEvent;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserPage;
import com.nettoria.coreapi.identity.UserReactivatedEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import com.nettoria.coreapi.identity.UserView;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.nettoria.query.identity.ReadModelDatabase.count;
import static com.nettoria.query.identity.ReadModelDatabase.everything;
import static com.nettoria.query.identity.ReadModelDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user accounts read model against a real PostgreSQL with the query side's own migrations (emptied before
 * each test). Events reach the projection through Axon's annotation adapter, as a processor hands them over;
 * the read model is checked with the projection's own query handlers and with SQL.
 */
class UserAccountProjectionIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private UserAccountProjection projection;
    private Projector projector;

    @BeforeEach
    void newProjectionOnEmptyReadModels() {
        jdbc = ReadModelDatabase.emptied(DATABASE);
        projection = new UserAccountProjection(jdbc);
        projector = new Projector(projection);
    }

    @Test
    void aRegisteredAccountIsActiveUnverifiedWithItsRolesAndNoIdentityYet() {
        UserEvents sara = UserEvents.of("user-sara");
        projector.handle(sara.next(sara.registered("Sara", "Ahmadi", "Sara@Example.com", "09121234567", Role.CUSTOMER)));

        UserView view = user(sara);
        assertThat(view.userId()).isEqualTo(sara.userId());
        assertThat(view.firstName()).isEqualTo("Sara");
        assertThat(view.lastName()).isEqualTo("Ahmadi");
        assertThat(view.email()).isEqualTo("sara@example.com");
        assertThat(view.mobile()).isEqualTo("+989121234567");
        assertThat(view.emailVerified()).isFalse();
        assertThat(view.mobileVerified()).isFalse();
        assertThat(view.contactsVerified()).isFalse();
        assertThat(view.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(view.suspensionReason()).isNull();
        assertThat(view.roles()).containsExactly(Role.CUSTOMER);
        assertThat(view.twoFactorEnabled()).isFalse();
        assertThat(view.language()).isEqualTo("fa");
        assertThat(view.identityStatus()).isEqualTo(IdentityStatus.NONE);
        assertThat(view.identityDocumentType()).isNull();
        assertThat(view.identityDocumentNumber()).isNull();
        assertThat(view.birthDate()).isNull();
        assertThat(view.registeredAt()).isEqualTo(sara.lastTime());
        assertThat(view.lastLoginAt()).isNull();
        assertThat(everything(jdbc, "user_account")).doesNotContain(UserEvents.PASSWORD_HASH);
    }

    @Test
    void anAccountTheReadModelDoesNotKnowIsNull() {
        assertThat(projection.handle(new FindUserQuery(new UserId("nobody")))).isNull();
    }

    @Test
    void verifyingTheEmailThenTheMobileSetsEachFlagAndTogetherTheContactsAreVerified() {
        UserEvents sara = registeredSara();

        projector.handle(sara.next(new EmailVerifiedEvent(sara.userId(), EmailAddress.parse("sara@example.com"))));
        assertThat(user(sara).emailVerified()).isTrue();
        assertThat(user(sara).mobileVerified()).isFalse();
        assertThat(user(sara).contactsVerified()).isFalse();

        projector.handle(sara.next(new MobileVerifiedEvent(sara.userId(), MobileNumber.parse("09121234567"))));
        assertThat(user(sara).mobileVerified()).isTrue();
        assertThat(user(sara).contactsVerified()).isTrue();
    }

    @Test
    void aSuspendedAccountShowsWhyAndReactivatingItClearsTheReason() {
        UserEvents sara = registeredSara();

        projector.handle(sara.next(new UserSuspendedEvent(sara.userId(), "chargeback under review")));
        assertThat(user(sara).status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(user(sara).suspensionReason()).isEqualTo("chargeback under review");

        projector.handle(sara.next(new UserReactivatedEvent(sara.userId())));
        assertThat(user(sara).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(user(sara).suspensionReason()).isNull();
    }

    @Test
    void aSuspensionWithoutAReasonIsStillASuspension() {
        UserEvents sara = registeredSara();

        projector.handle(sara.next(new UserSuspendedEvent(sara.userId(), null)));

        assertThat(user(sara).status()).isEqualTo(AccountStatus.SUSPENDED);
        assertThat(user(sara).suspensionReason()).isNull();
    }

    @Test
    void grantedRolesAreAddedOnceAndRevokedRolesTakenAway() {
        UserEvents sara = registeredSara();

        projector.handle(
                sara.next(new RoleGrantedEvent(sara.userId(), Role.SUPPORT)),
                sara.next(new RoleGrantedEvent(sara.userId(), Role.ADMIN)),
                sara.next(new RoleGrantedEvent(sara.userId(), Role.SUPPORT)));
        assertThat(user(sara).roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.SUPPORT, Role.ADMIN);
        assertThat(jdbc.queryForObject("SELECT array_to_string(roles, ',') FROM user_account", String.class))
                .isEqualTo("ADMIN,CUSTOMER,SUPPORT");

        projector.handle(sara.next(new RoleRevokedEvent(sara.userId(), Role.CUSTOMER)));
        assertThat(user(sara).roles()).containsExactlyInAnyOrder(Role.SUPPORT, Role.ADMIN);
    }

    @Test
    void aSubmittedIdentityDocumentIsKeptMaskedAndNeverInFull() {
        UserEvents sara = registeredSara();

        projector.handle(sara.next(new IdentityDocumentSubmittedEvent(sara.userId(), UserEvents.IRANIAN_DOCUMENT)));

        UserView view = user(sara);
        assertThat(view.identityStatus()).isEqualTo(IdentityStatus.SUBMITTED);
        assertThat(view.identityDocumentType()).isEqualTo(IdentityDocument.Type.IRANIAN_NATIONAL_CODE);
        assertThat(view.identityDocumentNumber()).isEqualTo("******0899");
        assertThat(view.identityCountry()).isEqualTo("IR");
        assertThat(view.birthDate()).isEqualTo(LocalDate.of(1990, 3, 21));
        assertThat(everything(jdbc, "user_account")).doesNotContain(UserEvents.NATIONAL_CODE);
    }

    @Test
    void aVerifiedIdentityShowsTheVerifiedDocument() {
        UserEvents sara = registeredSara();

        projector.handle(
                sara.next(new IdentityDocumentSubmittedEvent(sara.userId(), UserEvents.IRANIAN_DOCUMENT)),
                sara.next(new IdentityDocumentSubmittedEvent(sara.userId(), UserEvents.PASSPORT)),
                sara.next(new IdentityVerifiedEvent(sara.userId(), UserEvents.PASSPORT)));

        UserView view = user(sara);
        assertThat(view.identityStatus()).isEqualTo(IdentityStatus.VERIFIED);
        assertThat(view.identityDocumentType()).isEqualTo(IdentityDocument.Type.PASSPORT);
        assertThat(view.identityDocumentNumber()).isEqualTo("*****5432");
        assertThat(view.identityCountry()).isEqualTo("DE");
        assertThat(view.birthDate()).isEqualTo(LocalDate.of(1985, 7, 1));
        assertThat(everything(jdbc, "user_account")).doesNotContain("X98765432");
    }

    @Test
    void profileChangesTwoFactorAndTheLastLoginAreShown() {
        UserEvents sara = registeredSara();

        projector.handle(
                sara.next(new ProfileUpdatedEvent(sara.userId(), "Sarah", "Ahmadi-Rad", "en")),
                sara.next(new TwoFactorEnabledEvent(sara.userId(), List.of("h1", "h2"), 123)),
                sara.next(sara.loggedIn(SessionId.random(), UserEvents.FAR_FUTURE)));

        UserView view = user(sara);
        assertThat(view.firstName()).isEqualTo("Sarah");
        assertThat(view.lastName()).isEqualTo("Ahmadi-Rad");
        assertThat(view.language()).isEqualTo("en");
        assertThat(view.twoFactorEnabled()).isTrue();
        assertThat(view.lastLoginAt()).isEqualTo(sara.lastTime());

        projector.handle(sara.next(new TwoFactorDisabledEvent(sara.userId())));
        assertThat(user(sara).twoFactorEnabled()).isFalse();
    }

    @Test
    void anAccountIsFoundByItsEmailOrMobileTypedAnyAcceptedWay() {
        UserEvents sara = registeredSara();
        registered("user-omid", "Omid", "Karimi", "omid@example.com", "09351112233");

        assertThat(byLogin("sara@example.com")).isEqualTo(sara.userId());
        assertThat(byLogin("  SARA@Example.COM ")).isEqualTo(sara.userId());
        assertThat(byLogin("+989121234567")).isEqualTo(sara.userId());
        assertThat(byLogin("09121234567")).isEqualTo(sara.userId());
        assertThat(byLogin("۰۹۱۲۱۲۳۴۵۶۷")).isEqualTo(sara.userId());
        assertThat(byLogin("0935 111 2233")).isEqualTo(new UserId("user-omid"));
    }

    @Test
    void aLoginNobodyHasOrThatIsNoEmailOrMobileFindsNobody() {
        registeredSara();

        assertThat(projection.handle(new FindUserByLoginQuery("someone@example.com"))).isNull();
        assertThat(projection.handle(new FindUserByLoginQuery("09129999999"))).isNull();
        assertThat(projection.handle(new FindUserByLoginQuery("not a login"))).isNull();
        assertThat(projection.handle(new FindUserByLoginQuery("@"))).isNull();
        assertThat(projection.handle(new FindUserByLoginQuery(""))).isNull();
        assertThat(projection.handle(new FindUserByLoginQuery(null))).isNull();
    }

    @Test
    void theSearchMatchesNamesEmailAndMobileWhateverTheCase() {
        registered("user-sara", "Sara", "Ahmadi", "sara@example.com", "09121234567");
        registered("user-omid", "Omid", "Karimi", "omid@mail.example.org", "09351112233");
        registered("user-reza", "رضا", "محمدی", "reza@example.com", "+4915112345678");

        assertThat(search("AHMA", null, null)).containsExactly("user-sara");
        assertThat(search("omid", null, null)).containsExactly("user-omid");
        assertThat(search("MAIL.example", null, null)).containsExactly("user-omid");
        assertThat(search("محمدی", null, null)).containsExactly("user-reza");
        assertThat(search("+49151", null, null)).containsExactly("user-reza");
        assertThat(search("09351112233", null, null)).containsExactly("user-omid");
        assertThat(search("example.com", null, null)).containsExactly("user-reza", "user-sara");
        assertThat(search("   ", null, null)).containsExactly("user-reza", "user-omid", "user-sara");
        assertThat(search(null, null, null)).containsExactly("user-reza", "user-omid", "user-sara");
        assertThat(search("nobody", null, null)).isEmpty();
    }

    @Test
    void theSearchTakesPercentUnderscoreAndBackslashLiterally() {
        registered("user-sara", "Sara", "Ahmadi", "sara_a@example.com", "09121234567");
        registered("user-omid", "Omid", "Karimi", "omid@example.com", "09351112233");

        assertThat(search("_", null, null)).containsExactly("user-sara");
        assertThat(search("%", null, null)).isEmpty();
        assertThat(search("\\", null, null)).isEmpty();
    }

    @Test
    void theSearchFiltersByStatusAndByRole() {
        UserEvents sara = registered("user-sara", "Sara", "Ahmadi", "sara@example.com", "09121234567");
        UserEvents omid = registered("user-omid", "Omid", "Karimi", "omid@example.com", "09351112233");
        registered("user-reza", "Reza", "Mohammadi", "reza@example.com", "09131112233");
        projector.handle(
                sara.next(new UserSuspendedEvent(sara.userId(), "fraud")),
                omid.next(new RoleGrantedEvent(omid.userId(), Role.SUPPORT)),
                sara.next(new RoleGrantedEvent(sara.userId(), Role.SUPPORT)));

        assertThat(search(null, AccountStatus.SUSPENDED, null)).containsExactly("user-sara");
        assertThat(search(null, AccountStatus.ACTIVE, null)).containsExactly("user-reza", "user-omid");
        assertThat(search(null, null, Role.SUPPORT)).containsExactly("user-omid", "user-sara");
        assertThat(search(null, null, Role.CUSTOMER)).containsExactly("user-reza", "user-omid", "user-sara");
        assertThat(search(null, null, Role.ADMIN)).isEmpty();
        assertThat(search("example", AccountStatus.ACTIVE, Role.SUPPORT)).containsExactly("user-omid");
    }

    @Test
    void theSearchListsNewestAccountsFirstInPagesWithTheTotal() {
        for (int i = 1; i <= 5; i++) {
            registered("user-" + i, "User", "Number" + i, "user" + i + "@example.com", "0912000000" + i);
        }

        UserPage first = projection.handle(new FindUsersQuery("number", null, null, 0, 2));
        UserPage second = projection.handle(new FindUsersQuery("number", null, null, 1, 2));
        UserPage last = projection.handle(new FindUsersQuery("number", null, null, 2, 2));
        UserPage beyond = projection.handle(new FindUsersQuery("number", null, null, 3, 2));

        assertThat(ids(first)).containsExactly("user-5", "user-4");
        assertThat(ids(second)).containsExactly("user-3", "user-2");
        assertThat(ids(last)).containsExactly("user-1");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(second.page()).isEqualTo(1);
        assertThat(projection.handle(new FindUsersQuery("Number3", null, null, 0, 2)).total()).isEqualTo(1);
    }

    @Test
    void pageAndSizeOutOfRangeAreBroughtIntoRange() {
        for (int i = 1; i <= 3; i++) {
            registered("user-" + i, "User", "Number" + i, "user" + i + "@example.com", "0912000000" + i);
        }

        UserPage tooSmall = projection.handle(new FindUsersQuery(null, null, null, -3, 0));
        UserPage tooLarge = projection.handle(new FindUsersQuery(null, null, null, 0, 100_000));

        assertThat(tooSmall.page()).isZero();
        assertThat(tooSmall.size()).isEqualTo(1);
        assertThat(ids(tooSmall)).containsExactly("user-3");
        assertThat(tooLarge.size()).isEqualTo(100);
        assertThat(tooLarge.items()).hasSize(3);
        assertThat(projection.handle(new FindUsersQuery(null, null, null, Integer.MAX_VALUE, 100)).items()).isEmpty();
    }

    @Test
    void theSameEventHandledAgainChangesNothing() {
        UserEvents sara = UserEvents.of("user-sara");
        List<DomainEventMessage<?>> stream = List.of(
                sara.next(sara.registered("Sara", "Ahmadi", "sara@example.com", "09121234567", Role.CUSTOMER)),
                sara.next(new RoleGrantedEvent(sara.userId(), Role.ADMIN)),
                sara.next(new EmailVerifiedEvent(sara.userId(), EmailAddress.parse("sara@example.com"))));
        projector.handle(stream);
        List<String> before = rows(jdbc, "user_account", "user_id");

        projector.handle(stream);
        projector.handle(stream.get(1));

        assertThat(rows(jdbc, "user_account", "user_id")).isEqualTo(before);
        assertThat(count(jdbc, "user_account")).isEqualTo(1);
    }

    @Test
    void anOlderEventHandledAgainAfterNewerOnesDoesNotUndoThem() {
        UserEvents sara = registeredSara();
        DomainEventMessage<RoleGrantedEvent> granted = sara.next(new RoleGrantedEvent(sara.userId(), Role.ADMIN));
        DomainEventMessage<UserSuspendedEvent> suspended = sara.next(new UserSuspendedEvent(sara.userId(), "fraud"));
        projector.handle(granted, suspended,
                sara.next(new RoleRevokedEvent(sara.userId(), Role.ADMIN)),
                sara.next(new UserReactivatedEvent(sara.userId())));

        projector.handle(granted, suspended);

        assertThat(user(sara).roles()).containsExactly(Role.CUSTOMER);
        assertThat(user(sara).status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void eventsOfAnAccountTheReadModelDoesNotHaveChangeNothing() {
        UserEvents ghost = UserEvents.of("user-ghost");
        ghost.next(ghost.registered("Ghost", "Unseen", "ghost@example.com", "09120000000", Role.CUSTOMER));

        projector.handle(ghost.next(new RoleGrantedEvent(ghost.userId(), Role.ADMIN)));

        assertThat(count(jdbc, "user_account")).isZero();
    }

    @Test
    void theWholeStreamHandledAgainAfterAResetRebuildsTheSameRows() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        UserEvents sara = UserEvents.of("user-sara");
        UserEvents omid = UserEvents.of("user-omid");
        stream.add(sara.next(sara.registered("Sara", "Ahmadi", "sara@example.com", "09121234567", Role.CUSTOMER)));
        stream.add(omid.next(omid.registered("Omid", "Karimi", "omid@example.com", "09351112233", Role.CUSTOMER)));
        stream.add(sara.next(new EmailVerifiedEvent(sara.userId(), EmailAddress.parse("sara@example.com"))));
        stream.add(sara.next(new MobileVerifiedEvent(sara.userId(), MobileNumber.parse("09121234567"))));
        stream.add(omid.next(new RoleGrantedEvent(omid.userId(), Role.SUPPORT)));
        stream.add(sara.next(new IdentityDocumentSubmittedEvent(sara.userId(), UserEvents.IRANIAN_DOCUMENT)));
        stream.add(omid.next(new UserSuspendedEvent(omid.userId(), "abuse")));
        stream.add(sara.next(sara.loggedIn(SessionId.random(), UserEvents.FAR_FUTURE)));
        stream.add(sara.next(new TwoFactorEnabledEvent(sara.userId(), List.of("h"), 7)));
        projector.handle(stream);
        List<String> before = rows(jdbc, "user_account", "user_id");

        projector.reset();
        assertThat(count(jdbc, "user_account")).isZero();
        projector.handle(stream);

        assertThat(rows(jdbc, "user_account", "user_id")).isEqualTo(before);
        assertThat(before).hasSize(2);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private UserEvents registeredSara() {
        return registered("user-sara", "Sara", "Ahmadi", "sara@example.com", "09121234567");
    }

    /** Registers an account a minute after the previous one (its events one second apart). */
    private UserEvents registered(String userId, String firstName, String lastName, String email, String mobile) {
        long before = count(jdbc, "user_account");
        UserEvents user = new UserEvents(new UserId(userId), UserEvents.START.plusSeconds(60 * before));
        projector.handle(user.next(user.registered(firstName, lastName, email, mobile, Role.CUSTOMER)));
        return user;
    }

    private UserView user(UserEvents user) {
        UserView view = projection.handle(new FindUserQuery(user.userId()));
        assertThat(view).as("the account %s in the read model", user.userId()).isNotNull();
        return view;
    }

    private UserId byLogin(String login) {
        UserView view = projection.handle(new FindUserByLoginQuery(login));
        return view == null ? null : view.userId();
    }

    private List<String> search(String text, AccountStatus status, Role role) {
        return ids(projection.handle(new FindUsersQuery(text, status, role, 0, 20)));
    }

    private static List<String> ids(UserPage page) {
        return page.items().stream().map(view -> view.userId().value()).toList();
    }
}
