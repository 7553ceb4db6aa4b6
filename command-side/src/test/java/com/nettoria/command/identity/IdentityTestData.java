package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.CodePurpose;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.IdentityDocument;
import com.nettoria.coreapi.identity.LoginFailedEvent;
import com.nettoria.coreapi.identity.LoginFailureReason;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeIssuedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeRejectedEvent;
import com.nettoria.coreapi.identity.RegisterUserCommand;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.SecondFactorRequestedEvent;
import com.nettoria.coreapi.identity.Secret;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionRefreshedEvent;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.TwoFactorEnabledEvent;
import com.nettoria.coreapi.identity.TwoFactorSetupStartedEvent;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Shared test data for accounts: Sara, whose account the tests start from, a newcomer who registers, and the
 * events of their history. The fakes' formulas ({@link FakeSecretCodes}, {@link FakePasswordHasher},
 * {@link FakeTotp}) make every hash and code writable by hand.
 */
final class IdentityTestData {

    /** The fixture's clock at the start of every test; a whole TOTP time step. */
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    static final UserId USER = new UserId("7d1f3c52-5b0e-4c8a-9f2e-1a6b8c4d2e90");
    static final String FIRST_NAME = "Sara";
    static final String LAST_NAME = "Rahimi";
    static final EmailAddress EMAIL = new EmailAddress("sara@example.com");
    static final MobileNumber MOBILE = new MobileNumber("+989121234567");
    static final String LANGUAGE = "fa";
    /** What Sara types at login. */
    static final String LOGIN_NAME = EMAIL.value();
    static final String PASSWORD = "violet-harbour-42";
    static final String NEW_PASSWORD = "amber-lighthouse-77";

    static final UserId NEWCOMER = new UserId("c4a0e6b1-2f7d-4e39-8b15-93d2f0a7c6e4");
    static final EmailAddress NEWCOMER_EMAIL = new EmailAddress("reza@example.com");
    static final MobileNumber NEWCOMER_MOBILE = new MobileNumber("+989351112233");

    /** A TOTP secret that a past setup recorded. */
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    /** A one-time code that a past command sent, and one that is not it. */
    static final String CODE = "424242";
    static final String WRONG_CODE = "000000";

    static final IdentityDocument NATIONAL_ID = IdentityDocument.iranian("0123456789", LocalDate.of(1990, 5, 17));
    static final IdentityDocument PASSPORT = IdentityDocument.passport("X1234567", "DE", LocalDate.of(1990, 5, 17));

    private IdentityTestData() {
    }

    static Secret secret(String value) {
        return new Secret(value);
    }

    static SessionId session(String id) {
        return new SessionId(id);
    }

    static RegisterUserCommand newcomerRegisters(String password, Set<Role> roles) {
        return new RegisterUserCommand(NEWCOMER, "Reza", "Karimi", NEWCOMER_EMAIL, NEWCOMER_MOBILE, secret(password),
                roles, "en");
    }

    static UserRegisteredEvent registered() {
        return registered(LANGUAGE, Role.CUSTOMER);
    }

    static UserRegisteredEvent registered(String language, Role... roles) {
        return new UserRegisteredEvent(USER, FIRST_NAME, LAST_NAME, EMAIL, MOBILE, FakePasswordHasher.hashOf(PASSWORD),
                Set.of(roles), language);
    }

    static EmailVerifiedEvent emailVerified() {
        return new EmailVerifiedEvent(USER, EMAIL);
    }

    static MobileVerifiedEvent mobileVerified() {
        return new MobileVerifiedEvent(USER, MOBILE);
    }

    static String codeId(CodePurpose purpose) {
        return "code-" + purpose.name().toLowerCase(Locale.ROOT);
    }

    /** {@link #CODE} sent for {@code purpose} at {@code at}. */
    static OneTimeCodeIssuedEvent codeIssued(CodePurpose purpose, ContactChannel channel, Instant at) {
        return codeIssued(purpose, channel, CODE, at);
    }

    static OneTimeCodeIssuedEvent codeIssued(CodePurpose purpose, ContactChannel channel, String code, Instant at) {
        return new OneTimeCodeIssuedEvent(USER, codeId(purpose), purpose, channel, FakeSecretCodes.hashOf(code),
                at.plus(Duration.ofMinutes(10)), 5);
    }

    /** The wrong tries on the live code of {@code purpose} until {@code attemptsLeft} remain. */
    static List<OneTimeCodeRejectedEvent> wrongCodesUntil(CodePurpose purpose, int attemptsLeft) {
        return IntStream.iterate(4, left -> left >= attemptsLeft, left -> left - 1)
                .mapToObj(left -> new OneTimeCodeRejectedEvent(USER, codeId(purpose), purpose, left)).toList();
    }

    static LoginFailedEvent loginFailed(LoginFailureReason reason, int consecutiveFailures) {
        return new LoginFailedEvent(USER, reason, consecutiveFailures);
    }

    /** A password login at {@code at} that opened {@code session} with the refresh secret {@code refreshSecret}. */
    static LoginSucceededEvent loggedIn(SessionId session, String refreshSecret, Instant at) {
        return new LoginSucceededEvent(USER, session, LoginMethod.PASSWORD, FakeSecretCodes.hashOf(refreshSecret),
                at.plus(Duration.ofHours(12)), 0);
    }

    static LoginSucceededEvent loggedInWithTotp(SessionId session, String refreshSecret, Instant at, long step) {
        return new LoginSucceededEvent(USER, session, LoginMethod.PASSWORD_AND_TOTP,
                FakeSecretCodes.hashOf(refreshSecret), at.plus(Duration.ofHours(12)), step);
    }

    static SessionRefreshedEvent refreshed(SessionId session, String previousSecret, String newSecret) {
        return new SessionRefreshedEvent(USER, session, FakeSecretCodes.hashOf(newSecret),
                FakeSecretCodes.hashOf(previousSecret));
    }

    static SessionRevokedEvent revoked(SessionId session, SessionRevocationReason reason) {
        return new SessionRevokedEvent(USER, session, reason);
    }

    static UserSuspendedEvent suspended() {
        return new UserSuspendedEvent(USER, "chargeback");
    }

    /** Two-factor authentication set up with {@link #TOTP_SECRET} and confirmed by the code of {@code confirmedAt}. */
    static List<Object> twoFactorOn(Instant confirmedAt) {
        return List.of(new TwoFactorSetupStartedEvent(USER, FakeSecretCodes.sealedOf(TOTP_SECRET)), twoFactorEnabled(FakeTotp.stepAt(confirmedAt)));
    }

    /** Enabled with {@link FakeSecretCodes}' first ten recovery codes. */
    static TwoFactorEnabledEvent twoFactorEnabled(long step) {
        return new TwoFactorEnabledEvent(USER, recoveryCodeHashes(), step);
    }

    static List<String> recoveryCodeHashes() {
        return IntStream.rangeClosed(1, 10).mapToObj(FakeSecretCodes::recoveryCodeHash).toList();
    }

    static SecondFactorRequestedEvent secondFactorRequested(String challengeId, Instant at) {
        return new SecondFactorRequestedEvent(USER, challengeId, at.plus(Duration.ofMinutes(5)));
    }
}
