package com.nettoria.command.identity;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.coreapi.identity.CodeCheckResult;
import com.nettoria.coreapi.identity.CodeDispatch;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.LogInWithCodeCommand;
import com.nettoria.coreapi.identity.LogInWithPasswordCommand;
import com.nettoria.coreapi.identity.LoginFailureReason;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.LoginResult;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.OneTimeCodeConsumedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeIssuedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeRejectedEvent;
import com.nettoria.coreapi.identity.PasswordResetEvent;
import com.nettoria.coreapi.identity.RefreshToken;
import com.nettoria.coreapi.identity.RegisterUserCommand;
import com.nettoria.coreapi.identity.ResetPasswordCommand;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.SendLoginCodeCommand;
import com.nettoria.coreapi.identity.SendPasswordResetCodeCommand;
import com.nettoria.coreapi.identity.SendVerificationCodeCommand;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static com.nettoria.command.identity.IdentityTestData.CODE;
import static com.nettoria.command.identity.IdentityTestData.EMAIL;
import static com.nettoria.command.identity.IdentityTestData.LOGIN_NAME;
import static com.nettoria.command.identity.IdentityTestData.MOBILE;
import static com.nettoria.command.identity.IdentityTestData.NEWCOMER;
import static com.nettoria.command.identity.IdentityTestData.NEWCOMER_EMAIL;
import static com.nettoria.command.identity.IdentityTestData.NEWCOMER_MOBILE;
import static com.nettoria.command.identity.IdentityTestData.NEW_PASSWORD;
import static com.nettoria.command.identity.IdentityTestData.NOW;
import static com.nettoria.command.identity.IdentityTestData.PASSWORD;
import static com.nettoria.command.identity.IdentityTestData.USER;
import static com.nettoria.command.identity.IdentityTestData.WRONG_CODE;
import static com.nettoria.command.identity.IdentityTestData.codeId;
import static com.nettoria.command.identity.IdentityTestData.codeIssued;
import static com.nettoria.command.identity.IdentityTestData.emailVerified;
import static com.nettoria.command.identity.IdentityTestData.loggedIn;
import static com.nettoria.command.identity.IdentityTestData.loginFailed;
import static com.nettoria.command.identity.IdentityTestData.mobileVerified;
import static com.nettoria.command.identity.IdentityTestData.newcomerRegisters;
import static com.nettoria.command.identity.IdentityTestData.registered;
import static com.nettoria.command.identity.IdentityTestData.revoked;
import static com.nettoria.command.identity.IdentityTestData.secret;
import static com.nettoria.command.identity.IdentityTestData.session;
import static com.nettoria.command.identity.IdentityTestData.suspended;
import static com.nettoria.command.identity.PayloadMatchers.equalTo;
import static com.nettoria.command.identity.PayloadMatchers.exactly;
import static com.nettoria.command.identity.PayloadMatchers.satisfying;
import static com.nettoria.coreapi.identity.CodePurpose.LOGIN;
import static com.nettoria.coreapi.identity.CodePurpose.PASSWORD_RESET;
import static com.nettoria.coreapi.identity.CodePurpose.VERIFY_EMAIL;
import static com.nettoria.coreapi.identity.CodePurpose.VERIFY_MOBILE;
import static com.nettoria.coreapi.identity.LoginFailureReason.ACCOUNT_SUSPENDED;
import static com.nettoria.coreapi.identity.LoginFailureReason.WRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account commands that arrive without a known account id — registration, the commands that make a
 * one-time code, and everything addressed by what a person types at login — through the
 * {@link AccountCommandHandler} on the {@link UserAccount} fixture.
 */
class AccountCommandHandlerTest {

    private static final Duration CODE_TTL = Duration.ofMinutes(10);
    private static final Duration RESEND_COOLDOWN = Duration.ofSeconds(60);
    private static final String UNKNOWN_LOGIN = "nobody@example.com";

    private final AccountFixture accounts = new AccountFixture();
    private final FixtureConfiguration<UserAccount> fixture = accounts.fixture;

    /** What a code command answers when sent at {@code at}, whether a code was sent or only pretended. */
    private static CodeDispatch dispatchAt(Instant at) {
        return new CodeDispatch(at.plus(CODE_TTL), at.plus(RESEND_COOLDOWN));
    }

    @Nested
    class Registration {

        @Test
        void opensAnAccountWithTheHashedPasswordAndTheCustomerRoleByDefault() {
            fixture.givenNoPriorActivity()
                    .when(newcomerRegisters("quiet-meadow-2025", Set.of()))
                    .expectEvents(new UserRegisteredEvent(NEWCOMER, "Reza", "Karimi", NEWCOMER_EMAIL, NEWCOMER_MOBILE,
                            "hash:quiet-meadow-2025", Set.of(Role.CUSTOMER), "en"))
                    .expectResultMessagePayload(NEWCOMER);
        }

        @Test
        void keepsTheRolesItIsGiven() {
            fixture.givenNoPriorActivity()
                    .when(newcomerRegisters("quiet-meadow-2025", Set.of(Role.SUPPORT, Role.AUDITOR)))
                    .expectEvents(new UserRegisteredEvent(NEWCOMER, "Reza", "Karimi", NEWCOMER_EMAIL, NEWCOMER_MOBILE,
                            "hash:quiet-meadow-2025", Set.of(Role.SUPPORT, Role.AUDITOR), "en"));
        }

        @Test
        void claimsTheContactsSoThatALoginFindsTheAccount() {
            fixture.givenNoPriorActivity()
                    .when(newcomerRegisters("quiet-meadow-2025", Set.of()))
                    .expectSuccessfulHandlerExecution();

            assertThat(accounts.directory.find("reza@example.com")).contains(NEWCOMER);
            assertThat(accounts.directory.find("09351112233")).contains(NEWCOMER);
        }

        @Test
        void refusesAWeakPasswordAndRecordsNothing() {
            fixture.givenNoPriorActivity()
                    .when(newcomerRegisters("short-pw", Set.of()))
                    .expectException(WeakPasswordException.class)
                    .expectNoEvents();

            assertThat(accounts.directory.find(NEWCOMER_EMAIL.value())).isEmpty();
        }

        @Test
        void refusesAPasswordBuiltFromThePersonsOwnNameOrMailbox() {
            fixture.givenNoPriorActivity()
                    .when(newcomerRegisters("Karimi-since-1990", Set.of()))
                    .expectException(satisfying(WeakPasswordException.class, e -> assertThat(e.error().context())
                            .containsEntry("reason", FakePasswordPolicy.PERSONAL)))
                    .expectNoEvents();
        }

        @Test
        void refusesAnEmailAddressThatAnotherAccountHolds() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand(NEWCOMER, "Reza", "Karimi", EMAIL, NEWCOMER_MOBILE,
                            secret("quiet-meadow-2025"), Set.of(), "en"))
                    .expectException(AccountAlreadyExistsException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAMobileNumberThatAnotherAccountHolds() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand(NEWCOMER, "Reza", "Karimi", NEWCOMER_EMAIL, MOBILE,
                            secret("quiet-meadow-2025"), Set.of(), "en"))
                    .expectException(AccountAlreadyExistsException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class VerificationCodes {

        @Test
        void sendsNoCodeToAContactALaterRegistrationTookOver() {
            accounts.directory.takeOver(EMAIL.value(), NEWCOMER);
            fixture.given(registered())
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectException(ContactTakenException.class)
                    .expectNoEvents();

            assertThat(accounts.notifier.sent()).isEmpty();
        }

        @Test
        void recordsANewCodeOnlyAsItsHashWithItsDeadlineAndTries() {
            fixture.given(registered())
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectEvents(new OneTimeCodeIssuedEvent(USER, "token-1", VERIFY_EMAIL, ContactChannel.EMAIL,
                            "h(100001)", NOW.plus(CODE_TTL), 5))
                    .expectResultMessagePayload(dispatchAt(NOW));
        }

        @Test
        void mailsTheCodeWithAVerificationLinkOnceTheEventsAreCommitted() {
            fixture.given(registered())
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectSuccessfulHandlerExecution();

            assertThat(accounts.notifier.sent()).containsExactly(new Notification(ContactChannel.EMAIL,
                    "sara@example.com", "Sara Rahimi", "fa", NotificationTemplate.VERIFY_EMAIL, Map.of(
                            "code", "100001",
                            "minutes", "10",
                            "link", "http://x/link?userId=" + USER + "&code=100001")));
            assertThat(accounts.notifier.phasesAtHandOver()).containsExactly(UnitOfWork.Phase.AFTER_COMMIT);
        }

        @Test
        void textsTheMobileCodeToTheMobileNumber() {
            fixture.given(registered())
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.SMS))
                    .expectEvents(new OneTimeCodeIssuedEvent(USER, "token-1", VERIFY_MOBILE, ContactChannel.SMS,
                            "h(100001)", NOW.plus(CODE_TTL), 5));

            assertThat(accounts.notifier.sent()).containsExactly(new Notification(ContactChannel.SMS,
                    "+989121234567", "Sara Rahimi", "fa", NotificationTemplate.VERIFY_MOBILE,
                    Map.of("code", "100001", "minutes", "10")));
        }

        @Test
        void sendsNothingWhenTheUnitOfWorkThatIssuedTheCodeRollsBack() {
            fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
                chain.proceed();
                throw new IllegalStateException("the event store refused the commit");
            });

            fixture.given(registered())
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectException(IllegalStateException.class);

            assertThat(accounts.notifier.phasesAtHandOver()).isEmpty();
        }

        @Test
        void aCodeThatCannotBeDeliveredIsStillIssuedAndCanBeAskedForAgainLater() {
            accounts.notifier.carrierIsDown();

            fixture.given(registered())
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OneTimeCodeIssuedEvent(USER, "token-1", VERIFY_EMAIL, ContactChannel.EMAIL,
                            "h(100001)", NOW.plus(CODE_TTL), 5))
                    .expectResultMessagePayload(dispatchAt(NOW));

            assertThat(accounts.notifier.phasesAtHandOver()).containsExactly(UnitOfWork.Phase.AFTER_COMMIT);
        }

        @Test
        void refusesANewCodeWithinSixtySecondsOfTheLastAndSaysWhenToAskAgain() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .andGivenCurrentTime(NOW.plusSeconds(59))
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectException(satisfying(CodeResendTooSoonException.class, e -> assertThat(e.error().context())
                            .containsEntry("resendAllowedAt", NOW.plusSeconds(60).toString())
                            .containsEntry("retryAfterSeconds", "1")))
                    .expectNoEvents();

            assertThat(accounts.notifier.sent()).isEmpty();
        }

        @Test
        void sendsANewCodeOnceSixtySecondsHavePassed() {
            Instant later = NOW.plus(RESEND_COOLDOWN);
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .andGivenCurrentTime(later)
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectEvents(new OneTimeCodeIssuedEvent(USER, "token-1", VERIFY_EMAIL, ContactChannel.EMAIL,
                            "h(100001)", later.plus(CODE_TTL), 5))
                    .expectResultMessagePayload(dispatchAt(later));
        }

        @Test
        void theCooldownOfOneContactDoesNotHoldBackTheOther() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.SMS))
                    .expectEvents(new OneTimeCodeIssuedEvent(USER, "token-1", VERIFY_MOBILE, ContactChannel.SMS,
                            "h(100001)", NOW.plus(CODE_TTL), 5));
        }

        @Test
        void refusesACodeForAContactThatIsVerifiedAlready() {
            fixture.given(registered(), emailVerified())
                    .when(new SendVerificationCodeCommand(USER, ContactChannel.EMAIL))
                    .expectException(ContactAlreadyVerifiedException.class)
                    .expectNoEvents();

            assertThat(accounts.notifier.sent()).isEmpty();
        }
    }

    @Nested
    class PasswordLogin {

        @Test
        void theRightPasswordOpensASessionWithARefreshTokenNamingUserSessionAndSecret() {
            AtomicReference<LoginSucceededEvent> opened = new AtomicReference<>();

            fixture.given(registered())
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectEventsMatching(exactly(satisfying(LoginSucceededEvent.class, event -> {
                        opened.set(event);
                        assertThat(event.userId()).isEqualTo(USER);
                        assertThat(event.method()).isEqualTo(LoginMethod.PASSWORD);
                        assertThat(event.refreshTokenHash()).isEqualTo("h(token-1)");
                        assertThat(event.sessionExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
                        assertThat(event.totpTimeStep()).isZero();
                    })))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class, result -> {
                        assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED);
                        assertThat(result.userId()).isEqualTo(USER);
                        assertThat(result.sessionId()).isEqualTo(opened.get().sessionId());
                        assertThat(result.refreshToken())
                                .isEqualTo("rt1." + USER + "." + opened.get().sessionId() + ".token-1");
                        assertThat(RefreshToken.parse(result.refreshToken()))
                                .contains(new RefreshToken(USER, opened.get().sessionId(), "token-1"));
                        assertThat(result.roles()).containsExactly(Role.CUSTOMER);
                        assertThat(result.challengeId()).isNull();
                    }));
        }

        @Test
        void aWrongPasswordFailsAndCountsTheConsecutiveFailures() {
            fixture.given(registered(), loginFailed(WRONG_PASSWORD, 1))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret("not-her-password")))
                    .expectEvents(loginFailed(WRONG_PASSWORD, 2))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aSuccessfulLoginStartsTheFailureCountAfresh() {
            fixture.given(registered(), loginFailed(WRONG_PASSWORD, 1), loginFailed(WRONG_PASSWORD, 2),
                            loggedIn(session("s-1"), "rt-1", NOW))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret("not-her-password")))
                    .expectEvents(loginFailed(WRONG_PASSWORD, 1));
        }

        @Test
        void anUnknownLoginFailsAlikeAfterTheSameHashingWorkAndRecordsNothing() {
            fixture.givenNoPriorActivity()
                    .when(new LogInWithPasswordCommand(UNKNOWN_LOGIN, secret(PASSWORD)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(LoginResult.failed());

            assertThat(accounts.hasher.dummyChecks()).isOne();
        }

        @Test
        void aKnownLoginSpendsNoDummyHashingWork() {
            fixture.given(registered())
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret("not-her-password")))
                    .expectResultMessagePayload(LoginResult.failed());

            assertThat(accounts.hasher.dummyChecks()).isZero();
        }

        @Test
        void aSuspendedAccountWithTheRightPasswordIsToldItIsSuspended() {
            fixture.given(registered(), suspended())
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectEvents(loginFailed(ACCOUNT_SUSPENDED, 1))
                    .expectResultMessagePayload(LoginResult.suspended(USER));
        }

        @Test
        void aSuspendedAccountWithAWrongPasswordOnlyFails() {
            fixture.given(registered(), suspended())
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret("not-her-password")))
                    .expectEvents(loginFailed(WRONG_PASSWORD, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void theMobileNumberIsALoginToo() {
            fixture.given(registered())
                    .when(new LogInWithPasswordCommand("+989121234567", secret(PASSWORD)))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                            result -> assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED)));
        }
    }

    @Nested
    class LoginCodes {

        @Test
        void sendsALoginCodeToAVerifiedContact() {
            fixture.given(registered(), emailVerified())
                    .when(new SendLoginCodeCommand(LOGIN_NAME, ContactChannel.EMAIL))
                    .expectEvents(new OneTimeCodeIssuedEvent(USER, "token-1", LOGIN, ContactChannel.EMAIL,
                            "h(100001)", NOW.plus(CODE_TTL), 5))
                    .expectResultMessagePayload(dispatchAt(NOW));

            assertThat(accounts.notifier.sent()).containsExactly(new Notification(ContactChannel.EMAIL,
                    "sara@example.com", "Sara Rahimi", "fa", NotificationTemplate.LOGIN_CODE,
                    Map.of("code", "100001", "minutes", "10")));
        }

        @Test
        void pretendsToSendALoginCodeToAnUnverifiedContact() {
            fixture.given(registered(), emailVerified())
                    .when(new SendLoginCodeCommand(LOGIN_NAME, ContactChannel.SMS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(dispatchAt(NOW));

            assertThat(accounts.notifier.sent()).isEmpty();
        }

        @Test
        void pretendsToSendALoginCodeToAnUnknownLogin() {
            fixture.givenNoPriorActivity()
                    .when(new SendLoginCodeCommand(UNKNOWN_LOGIN, ContactChannel.EMAIL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(dispatchAt(NOW));

            assertThat(accounts.notifier.sent()).isEmpty();
        }

        @Test
        void pretendsToSendALoginCodeAskedForWithinTheCooldown() {
            Instant soon = NOW.plusSeconds(10);
            fixture.given(registered(), emailVerified(), codeIssued(LOGIN, ContactChannel.EMAIL, NOW))
                    .andGivenCurrentTime(soon)
                    .when(new SendLoginCodeCommand(LOGIN_NAME, ContactChannel.EMAIL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(dispatchAt(soon));

            assertThat(accounts.notifier.sent()).isEmpty();
        }

        @Test
        void theRightLoginCodeIsConsumedAndOpensASession() {
            fixture.given(registered(), emailVerified(), codeIssued(LOGIN, ContactChannel.EMAIL, NOW))
                    .when(new LogInWithCodeCommand(LOGIN_NAME, secret(CODE)))
                    .expectEventsMatching(exactly(
                            equalTo(new OneTimeCodeConsumedEvent(USER, codeId(LOGIN), LOGIN)),
                            satisfying(LoginSucceededEvent.class, event -> {
                                assertThat(event.method()).isEqualTo(LoginMethod.ONE_TIME_CODE);
                                assertThat(event.refreshTokenHash()).isEqualTo("h(token-1)");
                            })))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                            result -> assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED)));
        }

        @Test
        void aWrongLoginCodeSpendsATryAndFails() {
            fixture.given(registered(), emailVerified(), codeIssued(LOGIN, ContactChannel.EMAIL, NOW))
                    .when(new LogInWithCodeCommand(LOGIN_NAME, secret(WRONG_CODE)))
                    .expectEvents(new OneTimeCodeRejectedEvent(USER, codeId(LOGIN), LOGIN, 4),
                            loginFailed(LoginFailureReason.WRONG_CODE, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aVerificationCodeDoesNotLogIn() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new LogInWithCodeCommand(LOGIN_NAME, secret(CODE)))
                    .expectEvents(loginFailed(LoginFailureReason.WRONG_CODE, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aLoginCodeForAnUnknownLoginFailsAndRecordsNothing() {
            fixture.givenNoPriorActivity()
                    .when(new LogInWithCodeCommand(UNKNOWN_LOGIN, secret(CODE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aSuspendedAccountSpendsItsRightLoginCodeButIsToldItIsSuspended() {
            fixture.given(registered(), emailVerified(), codeIssued(LOGIN, ContactChannel.EMAIL, NOW), suspended())
                    .when(new LogInWithCodeCommand(LOGIN_NAME, secret(CODE)))
                    .expectEvents(new OneTimeCodeConsumedEvent(USER, codeId(LOGIN), LOGIN),
                            loginFailed(ACCOUNT_SUSPENDED, 1))
                    .expectResultMessagePayload(LoginResult.suspended(USER));
        }
    }

    @Nested
    class PasswordReset {

        @Test
        void aSuccessfulResetTellsTheOwnerByEmail() {
            fixture.given(registered(), mobileVerified(), codeIssued(PASSWORD_RESET, ContactChannel.SMS, NOW))
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(CODE), secret("a brand new passphrase")))
                    .expectSuccessfulHandlerExecution();

            assertThat(accounts.notifier.sent()).extracting(Notification::channel, Notification::template)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ContactChannel.EMAIL,
                            NotificationTemplate.PASSWORD_CHANGED));
        }

        @Test
        void textsAResetCodeToAVerifiedMobile() {
            fixture.given(registered(), mobileVerified())
                    .when(new SendPasswordResetCodeCommand("+989121234567", ContactChannel.SMS))
                    .expectEvents(new OneTimeCodeIssuedEvent(USER, "token-1", PASSWORD_RESET, ContactChannel.SMS,
                            "h(100001)", NOW.plus(CODE_TTL), 5))
                    .expectResultMessagePayload(dispatchAt(NOW));

            assertThat(accounts.notifier.sent()).containsExactly(new Notification(ContactChannel.SMS,
                    "+989121234567", "Sara Rahimi", "fa", NotificationTemplate.PASSWORD_RESET_CODE,
                    Map.of("code", "100001", "minutes", "10")));
        }

        @Test
        void pretendsToSendAResetCodeToAnUnverifiedContact() {
            fixture.given(registered())
                    .when(new SendPasswordResetCodeCommand(LOGIN_NAME, ContactChannel.EMAIL))
                    .expectNoEvents()
                    .expectResultMessagePayload(dispatchAt(NOW));

            assertThat(accounts.notifier.sent()).isEmpty();
        }

        @Test
        void pretendsToSendAResetCodeForAnUnknownLogin() {
            fixture.givenNoPriorActivity()
                    .when(new SendPasswordResetCodeCommand(UNKNOWN_LOGIN, ContactChannel.EMAIL))
                    .expectNoEvents()
                    .expectResultMessagePayload(dispatchAt(NOW));

            assertThat(accounts.notifier.sent()).isEmpty();
        }

        @Test
        void theRightCodeSetsTheNewPasswordAndEndsEverySession() {
            fixture.given(registered(), mobileVerified(), loggedIn(session("s-b"), "rt-b", NOW),
                            loggedIn(session("s-a"), "rt-a", NOW), codeIssued(PASSWORD_RESET, ContactChannel.SMS, NOW))
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(CODE), secret(NEW_PASSWORD)))
                    .expectEvents(new OneTimeCodeConsumedEvent(USER, codeId(PASSWORD_RESET), PASSWORD_RESET),
                            new PasswordResetEvent(USER, FakePasswordHasher.hashOf(NEW_PASSWORD), ContactChannel.SMS),
                            revoked(session("s-a"), SessionRevocationReason.PASSWORD_RESET),
                            revoked(session("s-b"), SessionRevocationReason.PASSWORD_RESET))
                    .expectResultMessagePayload(CodeCheckResult.accepted());
        }

        @Test
        void aWeakNewPasswordWithTheRightCodeIsRefusedAndTheCodeIsNotSpent() {
            fixture.given(registered(), mobileVerified(), codeIssued(PASSWORD_RESET, ContactChannel.SMS, NOW))
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(CODE), secret("short-pw")))
                    .expectException(WeakPasswordException.class)
                    .expectNoEvents();
        }

        @Test
        void aWrongCodeIsAnsweredAsAWrongCodeWhateverTheNewPasswordSaysAboutTheAccount() {
            fixture.given(registered(), mobileVerified(), codeIssued(PASSWORD_RESET, ContactChannel.SMS, NOW))
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(WRONG_CODE), secret("sara-forever-2025")))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.WRONG_CODE, 4));
        }

        @Test
        void aWrongResetCodeSpendsATry() {
            fixture.given(registered(), mobileVerified(), codeIssued(PASSWORD_RESET, ContactChannel.SMS, NOW))
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(WRONG_CODE), secret(NEW_PASSWORD)))
                    .expectEvents(new OneTimeCodeRejectedEvent(USER, codeId(PASSWORD_RESET), PASSWORD_RESET, 4))
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.WRONG_CODE, 4));
        }

        @Test
        void anExpiredResetCodeChangesNothing() {
            fixture.given(registered(), mobileVerified(), codeIssued(PASSWORD_RESET, ContactChannel.SMS, NOW))
                    .andGivenCurrentTime(NOW.plus(CODE_TTL))
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(CODE), secret(NEW_PASSWORD)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.EXPIRED, 0));
        }

        @Test
        void aResetWithoutACodeAnswersThatThereIsNone() {
            fixture.given(registered(), mobileVerified())
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(CODE), secret(NEW_PASSWORD)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0));
        }

        @Test
        void aResetForAnUnknownLoginAnswersNoCodeAndRecordsNothing() {
            fixture.givenNoPriorActivity()
                    .when(new ResetPasswordCommand(UNKNOWN_LOGIN, secret(CODE), secret(NEW_PASSWORD)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0));
        }

        @Test
        void aResetForAnUnknownLoginAnswersNoCodeWhateverThePassword() {
            fixture.givenNoPriorActivity()
                    .when(new ResetPasswordCommand(UNKNOWN_LOGIN, secret(CODE), secret("short-pw")))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0))
                    .expectNoEvents();
        }

        @Test
        void withoutTheRightCodeAPasswordBuiltFromTheHoldersNameTellsNothingAboutTheAccount() {
            fixture.given(registered(), mobileVerified())
                    .when(new ResetPasswordCommand(LOGIN_NAME, secret(CODE), secret("sara-forever-2025")))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0));
        }

        @Test
        void theOldPasswordNoLongerLogsInAfterAReset() {
            fixture.given(registered(), new PasswordResetEvent(USER, FakePasswordHasher.hashOf(NEW_PASSWORD),
                            ContactChannel.SMS))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectEvents(loginFailed(WRONG_PASSWORD, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aResetStartsTheFailureCountAfresh() {
            fixture.given(registered(), loginFailed(WRONG_PASSWORD, 1), loginFailed(WRONG_PASSWORD, 2),
                            new PasswordResetEvent(USER, FakePasswordHasher.hashOf(NEW_PASSWORD), ContactChannel.SMS))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectEvents(loginFailed(WRONG_PASSWORD, 1));
        }
    }
}
