package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.ChangePasswordCommand;
import com.nettoria.coreapi.identity.CodeCheckResult;
import com.nettoria.coreapi.identity.CompleteSecondFactorCommand;
import com.nettoria.coreapi.identity.ConfirmTwoFactorCommand;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.DisableTwoFactorCommand;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.GrantRoleCommand;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityVerifiedEvent;
import com.nettoria.coreapi.identity.LogInWithPasswordCommand;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.LoginResult;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.MarkContactsVerifiedCommand;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeConsumedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeRejectedEvent;
import com.nettoria.coreapi.identity.PasswordChangedEvent;
import com.nettoria.coreapi.identity.ProfileUpdatedEvent;
import com.nettoria.coreapi.identity.ReactivateUserCommand;
import com.nettoria.coreapi.identity.RecoveryCodeUsedEvent;
import com.nettoria.coreapi.identity.RecoveryCodes;
import com.nettoria.coreapi.identity.RefreshResult;
import com.nettoria.coreapi.identity.RefreshSessionCommand;
import com.nettoria.coreapi.identity.RevokeOtherSessionsCommand;
import com.nettoria.coreapi.identity.RevokeRoleCommand;
import com.nettoria.coreapi.identity.RevokeSessionCommand;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.RoleGrantedEvent;
import com.nettoria.coreapi.identity.RoleRevokedEvent;
import com.nettoria.coreapi.identity.SecondFactorRequestedEvent;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.StartTwoFactorSetupCommand;
import com.nettoria.coreapi.identity.SubmitIdentityDocumentCommand;
import com.nettoria.coreapi.identity.SuspendUserCommand;
import com.nettoria.coreapi.identity.TwoFactorDisabledEvent;
import com.nettoria.coreapi.identity.TwoFactorEnabledEvent;
import com.nettoria.coreapi.identity.TwoFactorSetup;
import com.nettoria.coreapi.identity.TwoFactorSetupStartedEvent;
import com.nettoria.coreapi.identity.UpdateProfileCommand;
import com.nettoria.coreapi.identity.UserReactivatedEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import com.nettoria.coreapi.identity.VerifyContactCommand;
import com.nettoria.coreapi.identity.VerifyIdentityCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static com.nettoria.command.identity.FakeTotp.codeAt;
import static com.nettoria.command.identity.FakeTotp.stepAt;
import static com.nettoria.command.identity.IdentityTestData.CODE;
import static com.nettoria.command.identity.IdentityTestData.EMAIL;
import static com.nettoria.command.identity.IdentityTestData.LANGUAGE;
import static com.nettoria.command.identity.IdentityTestData.LOGIN_NAME;
import static com.nettoria.command.identity.IdentityTestData.MOBILE;
import static com.nettoria.command.identity.IdentityTestData.NATIONAL_ID;
import static com.nettoria.command.identity.IdentityTestData.NEW_PASSWORD;
import static com.nettoria.command.identity.IdentityTestData.NEWCOMER;
import static com.nettoria.command.identity.IdentityTestData.NOW;
import static com.nettoria.command.identity.IdentityTestData.PASSPORT;
import static com.nettoria.command.identity.IdentityTestData.PASSWORD;
import static com.nettoria.command.identity.IdentityTestData.TOTP_SECRET;
import static com.nettoria.command.identity.IdentityTestData.USER;
import static com.nettoria.command.identity.IdentityTestData.WRONG_CODE;
import static com.nettoria.command.identity.IdentityTestData.codeId;
import static com.nettoria.command.identity.IdentityTestData.codeIssued;
import static com.nettoria.command.identity.IdentityTestData.emailVerified;
import static com.nettoria.command.identity.IdentityTestData.loggedIn;
import static com.nettoria.command.identity.IdentityTestData.loggedInWithTotp;
import static com.nettoria.command.identity.IdentityTestData.loginFailed;
import static com.nettoria.command.identity.IdentityTestData.mobileVerified;
import static com.nettoria.command.identity.IdentityTestData.recoveryCodeHashes;
import static com.nettoria.command.identity.IdentityTestData.refreshed;
import static com.nettoria.command.identity.IdentityTestData.registered;
import static com.nettoria.command.identity.IdentityTestData.revoked;
import static com.nettoria.command.identity.IdentityTestData.secondFactorRequested;
import static com.nettoria.command.identity.IdentityTestData.secret;
import static com.nettoria.command.identity.IdentityTestData.session;
import static com.nettoria.command.identity.IdentityTestData.suspended;
import static com.nettoria.command.identity.IdentityTestData.twoFactorOn;
import static com.nettoria.command.identity.IdentityTestData.wrongCodesUntil;
import static com.nettoria.command.identity.PayloadMatchers.equalTo;
import static com.nettoria.command.identity.PayloadMatchers.exactly;
import static com.nettoria.command.identity.PayloadMatchers.satisfying;
import static com.nettoria.coreapi.identity.CodePurpose.VERIFY_EMAIL;
import static com.nettoria.coreapi.identity.CodePurpose.VERIFY_MOBILE;
import static com.nettoria.coreapi.identity.LoginFailureReason.ACCOUNT_SUSPENDED;
import static com.nettoria.coreapi.identity.LoginFailureReason.CHALLENGE_EXPIRED;
import static com.nettoria.coreapi.identity.LoginFailureReason.WRONG_SECOND_FACTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's own rules, from its past events: proving contacts, two-factor authentication, sessions and their
 * refresh tokens, passwords, profile and identity, and what administrators do to an account.
 */
class UserAccountTest {

    private static final Duration CODE_TTL = Duration.ofMinutes(10);
    private static final Duration SECOND_FACTOR_TTL = Duration.ofMinutes(5);
    private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private static final Duration SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration TIME_STEP = Duration.ofSeconds(30);
    /** Two-factor authentication was confirmed an hour before the tests' logins. */
    private static final Instant CONFIRMED = NOW.minus(Duration.ofHours(1));
    private static final String CHALLENGE = "challenge-1";

    private final AccountFixture accounts = new AccountFixture();
    private final FixtureConfiguration<UserAccount> fixture = accounts.fixture;

    private static String refreshToken(SessionId session, String secret) {
        return "rt1." + USER + "." + session + "." + secret;
    }

    /** Sara's history up to a password login that waits for its second factor since {@code at}. */
    private static List<Object> waitingForSecondFactorSince(Instant at) {
        List<Object> history = new ArrayList<>();
        history.add(registered());
        history.addAll(twoFactorOn(CONFIRMED));
        history.add(secondFactorRequested(CHALLENGE, at));
        return history;
    }

    @Nested
    class ContactVerification {

        @Test
        void aContactALaterRegistrationTookOverCannotBeVerifiedAnyMore() {
            accounts.directory.takeOver(EMAIL.value(), NEWCOMER);
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectException(ContactTakenException.class)
                    .expectNoEvents();
        }

        @Test
        void aVerifiedContactIsKeptForGoodInTheDirectory() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectSuccessfulHandlerExecution();

            assertThat(accounts.directory.isVerified(EMAIL.value())).isTrue();
        }

        @Test
        void theRightCodeIsConsumedAndVerifiesTheEmailAddress() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectEvents(new OneTimeCodeConsumedEvent(USER, codeId(VERIFY_EMAIL), VERIFY_EMAIL),
                            new EmailVerifiedEvent(USER, EMAIL))
                    .expectResultMessagePayload(CodeCheckResult.accepted());
        }

        @Test
        void theRightSmsCodeVerifiesTheMobileNumber() {
            fixture.given(registered(), codeIssued(VERIFY_MOBILE, ContactChannel.SMS, NOW))
                    .when(new VerifyContactCommand(USER, ContactChannel.SMS, secret(CODE)))
                    .expectEvents(new OneTimeCodeConsumedEvent(USER, codeId(VERIFY_MOBILE), VERIFY_MOBILE),
                            new MobileVerifiedEvent(USER, MOBILE))
                    .expectResultMessagePayload(CodeCheckResult.accepted());
        }

        @Test
        void blanksAroundTheTypedCodeDoNotMatter() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(" " + CODE + "\t")))
                    .expectResultMessagePayload(CodeCheckResult.accepted());
        }

        @Test
        void aWrongCodeIsRejectedAndSaysHowManyTriesAreLeft() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(WRONG_CODE)))
                    .expectEvents(new OneTimeCodeRejectedEvent(USER, codeId(VERIFY_EMAIL), VERIFY_EMAIL, 4))
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.WRONG_CODE, 4));
        }

        @Test
        void theFifthWrongCodeUsesTheCodeUp() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .andGiven(wrongCodesUntil(VERIFY_EMAIL, 1))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(WRONG_CODE)))
                    .expectEvents(new OneTimeCodeRejectedEvent(USER, codeId(VERIFY_EMAIL), VERIFY_EMAIL, 0))
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.TOO_MANY_ATTEMPTS, 0));
        }

        @Test
        void afterFiveWrongCodesEvenTheRightCodeIsRefused() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .andGiven(wrongCodesUntil(VERIFY_EMAIL, 0))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.TOO_MANY_ATTEMPTS, 0));
        }

        @Test
        void aCodeIsGoodUntilJustBeforeTenMinutesHavePassed() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .andGivenCurrentTime(NOW.plus(CODE_TTL).minusSeconds(1))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectResultMessagePayload(CodeCheckResult.accepted());
        }

        @Test
        void aCodeExpiresAfterTenMinutes() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .andGivenCurrentTime(NOW.plus(CODE_TTL))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.EXPIRED, 0));
        }

        @Test
        void aNewCodeReplacesTheEarlierOne() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, "111111", NOW),
                            codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, "222222", NOW.plusSeconds(60)))
                    .andGivenCurrentTime(NOW.plusSeconds(90))
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret("111111")))
                    .expectEvents(new OneTimeCodeRejectedEvent(USER, codeId(VERIFY_EMAIL), VERIFY_EMAIL, 4))
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.WRONG_CODE, 4));
        }

        @Test
        void withoutACodeTheAnswerIsThatThereIsNone() {
            fixture.given(registered())
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0));
        }

        @Test
        void theEmailCodeDoesNotVerifyTheMobile() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW))
                    .when(new VerifyContactCommand(USER, ContactChannel.SMS, secret(CODE)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0));
        }

        @Test
        void refusesToVerifyAContactThatIsVerifiedAlready() {
            fixture.given(registered(), codeIssued(VERIFY_EMAIL, ContactChannel.EMAIL, NOW), emailVerified())
                    .when(new VerifyContactCommand(USER, ContactChannel.EMAIL, secret(CODE)))
                    .expectException(ContactAlreadyVerifiedException.class)
                    .expectNoEvents();
        }

        @Test
        void vouchingForTheContactsVerifiesBoth() {
            fixture.given(registered())
                    .when(new MarkContactsVerifiedCommand(USER))
                    .expectEvents(emailVerified(), mobileVerified());
        }

        @Test
        void vouchingForTheContactsVerifiesOnlyTheOneNotYetVerified() {
            fixture.given(registered(), mobileVerified())
                    .when(new MarkContactsVerifiedCommand(USER))
                    .expectEvents(emailVerified());
        }

        @Test
        void vouchingForVerifiedContactsAgainChangesNothing() {
            fixture.given(registered(), emailVerified(), mobileVerified())
                    .when(new MarkContactsVerifiedCommand(USER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class TwoFactorAuthentication {

        @Test
        void startingTheSetupRecordsANewSecretAndAnswersItAsTextUriAndQrImage() {
            String uri = "otpauth://totp/Nettoria:sara@example.com?secret=TOTPSECRET1&issuer=Nettoria";
            fixture.given(registered())
                    .when(new StartTwoFactorSetupCommand(USER))
                    .expectEvents(new TwoFactorSetupStartedEvent(USER, FakeSecretCodes.sealedOf("TOTPSECRET1")))
                    .expectResultMessagePayload(new TwoFactorSetup("TOTPSECRET1", uri,
                            "data:image/png;base64,qr(" + uri + ")"));
        }

        @Test
        void refusesToStartTheSetupWhileTwoFactorIsOn() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .when(new StartTwoFactorSetupCommand(USER))
                    .expectException(TwoFactorStateException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToConfirmWithoutASetup() {
            fixture.given(registered())
                    .when(new ConfirmTwoFactorCommand(USER, secret(PASSWORD), secret(codeAt(TOTP_SECRET, NOW))))
                    .expectException(TwoFactorStateException.class)
                    .expectNoEvents();
        }

        @Test
        void enablingNeedsThePasswordSoAStolenTokenAloneCannotLockTheOwnerOut() {
            fixture.given(registered(), new TwoFactorSetupStartedEvent(USER, FakeSecretCodes.sealedOf(TOTP_SECRET)))
                    .when(new ConfirmTwoFactorCommand(USER, secret("not-her-password"), secret(codeAt(TOTP_SECRET, NOW))))
                    .expectException(WrongPasswordException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWrongConfirmationCode() {
            fixture.given(registered(), new TwoFactorSetupStartedEvent(USER, FakeSecretCodes.sealedOf(TOTP_SECRET)))
                    .when(new ConfirmTwoFactorCommand(USER, secret(PASSWORD), secret(WRONG_CODE)))
                    .expectException(InvalidCodeException.class)
                    .expectNoEvents();
        }

        @Test
        void theFirstRightCodeEnablesTwoFactorAndAnswersTenRecoveryCodesInClear() {
            fixture.given(registered(), new TwoFactorSetupStartedEvent(USER, FakeSecretCodes.sealedOf(TOTP_SECRET)))
                    .when(new ConfirmTwoFactorCommand(USER, secret(PASSWORD), secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEvents(new TwoFactorEnabledEvent(USER, recoveryCodeHashes(), stepAt(NOW)))
                    .expectResultMessagePayload(new RecoveryCodes(
                            IntStream.rangeClosed(1, 10).mapToObj(FakeSecretCodes::recoveryCode).toList()));
        }

        @Test
        void confirmationTakesTheCodeOfTheLatestSetupOnly() {
            fixture.given(registered(), new TwoFactorSetupStartedEvent(USER, FakeSecretCodes.sealedOf(TOTP_SECRET)),
                            new TwoFactorSetupStartedEvent(USER, FakeSecretCodes.sealedOf("ANOTHERSECRET")))
                    .when(new ConfirmTwoFactorCommand(USER, secret(PASSWORD), secret(codeAt(TOTP_SECRET, NOW))))
                    .expectException(InvalidCodeException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToConfirmWhenTwoFactorIsOnAlready() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .when(new ConfirmTwoFactorCommand(USER, secret(PASSWORD), secret(codeAt(TOTP_SECRET, NOW))))
                    .expectException(TwoFactorStateException.class);
        }

        @Test
        void withTwoFactorOnTheRightPasswordOnlyOpensAChallenge() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectEvents(new SecondFactorRequestedEvent(USER, "token-1", NOW.plus(SECOND_FACTOR_TTL)))
                    .expectResultMessagePayload(LoginResult.secondFactorRequired(USER, "token-1"));
        }

        @Test
        void aTotpCodeCompletesTheLogin() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEventsMatching(exactly(satisfying(LoginSucceededEvent.class, event -> {
                        assertThat(event.method()).isEqualTo(LoginMethod.PASSWORD_AND_TOTP);
                        assertThat(event.refreshTokenHash()).isEqualTo("h(token-1)");
                        assertThat(event.totpTimeStep()).isEqualTo(stepAt(NOW));
                    })))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class, result -> {
                        assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED);
                        assertThat(result.refreshToken()).isEqualTo(refreshToken(result.sessionId(), "token-1"));
                    }));
        }

        @Test
        void aCodeOfTheNeighbouringTimeStepIsAcceptedForClockDrift() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE,
                            secret(codeAt(TOTP_SECRET, NOW.minus(TIME_STEP)))))
                    .expectEventsMatching(exactly(satisfying(LoginSucceededEvent.class,
                            event -> assertThat(event.totpTimeStep()).isEqualTo(stepAt(NOW) - 1))));
        }

        @Test
        void aCodeTwoTimeStepsAwayIsRefused() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE,
                            secret(codeAt(TOTP_SECRET, NOW.minus(TIME_STEP.multipliedBy(2))))))
                    .expectEvents(loginFailed(WRONG_SECOND_FACTOR, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aTotpCodeIsNeverAcceptedTwice() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGiven(loggedInWithTotp(session("s-1"), "rt-1", NOW, stepAt(NOW)),
                            secondFactorRequested("challenge-2", NOW))
                    .when(new CompleteSecondFactorCommand(USER, "challenge-2", secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEvents(loginFailed(WRONG_SECOND_FACTOR, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void theCodeThatConfirmedTheSetupDoesNotAlsoLogIn() {
            fixture.given(registered()).andGiven(twoFactorOn(NOW))
                    .andGiven(secondFactorRequested(CHALLENGE, NOW))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEvents(loginFailed(WRONG_SECOND_FACTOR, 1));
        }

        @Test
        void aRecoveryCodeCompletesTheLoginAndIsSpent() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret("RCV 0004")))
                    .expectEventsMatching(exactly(equalTo(new RecoveryCodeUsedEvent(USER, 3)),
                            satisfying(LoginSucceededEvent.class, event -> {
                                assertThat(event.method()).isEqualTo(LoginMethod.PASSWORD_AND_RECOVERY_CODE);
                                assertThat(event.totpTimeStep()).isZero();
                            })));
        }

        @Test
        void aSpentRecoveryCodeIsRefused() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGiven(new RecoveryCodeUsedEvent(USER, 3))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(FakeSecretCodes.recoveryCode(4))))
                    .expectEvents(loginFailed(WRONG_SECOND_FACTOR, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aWrongSecondFactorFailsAndCounts() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGiven(loginFailed(WRONG_SECOND_FACTOR, 1))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(WRONG_CODE)))
                    .expectEvents(loginFailed(WRONG_SECOND_FACTOR, 2))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void theChallengeIsOpenUntilJustBeforeFiveMinutesHavePassed() {
            Instant late = NOW.plus(SECOND_FACTOR_TTL).minusSeconds(1);
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGivenCurrentTime(late)
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, late))))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                            result -> assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED)));
        }

        @Test
        void theChallengeExpiresAfterFiveMinutes() {
            Instant late = NOW.plus(SECOND_FACTOR_TTL);
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGivenCurrentTime(late)
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, late))))
                    .expectEvents(loginFailed(CHALLENGE_EXPIRED, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void fourWrongSecondFactorsLeaveTheChallengeOpen() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGiven(wrongSecondFactors(4))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, NOW))))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                            result -> assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED)));
        }

        @Test
        void fiveWrongSecondFactorsCloseTheChallengeEvenToTheRightCode() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGiven(wrongSecondFactors(5))
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEvents(loginFailed(CHALLENGE_EXPIRED, 6))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void anUnknownChallengeFails() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .when(new CompleteSecondFactorCommand(USER, "made-up", secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEvents(loginFailed(CHALLENGE_EXPIRED, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aChallengeOpensOneSessionOnly() {
            Instant later = NOW.plus(TIME_STEP);
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGiven(loggedInWithTotp(session("s-1"), "rt-1", NOW, stepAt(NOW)))
                    .andGivenCurrentTime(later)
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, later))))
                    .expectEvents(loginFailed(CHALLENGE_EXPIRED, 1))
                    .expectResultMessagePayload(LoginResult.failed());
        }

        @Test
        void aSuspendedAccountCannotCompleteTheSecondFactor() {
            fixture.given(waitingForSecondFactorSince(NOW))
                    .andGiven(suspended())
                    .when(new CompleteSecondFactorCommand(USER, CHALLENGE, secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEvents(loginFailed(ACCOUNT_SUSPENDED, 1))
                    .expectResultMessagePayload(LoginResult.suspended(USER));
        }

        @Test
        void disablingNeedsThePassword() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .when(new DisableTwoFactorCommand(USER, secret("not-her-password"),
                            secret(codeAt(TOTP_SECRET, NOW))))
                    .expectException(WrongPasswordException.class)
                    .expectNoEvents();
        }

        @Test
        void disablingNeedsAValidCode() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .when(new DisableTwoFactorCommand(USER, secret(PASSWORD), secret(WRONG_CODE)))
                    .expectException(InvalidCodeException.class)
                    .expectNoEvents();
        }

        @Test
        void thePasswordAndACurrentCodeTurnTwoFactorOff() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .when(new DisableTwoFactorCommand(USER, secret(PASSWORD), secret(codeAt(TOTP_SECRET, NOW))))
                    .expectEvents(new TwoFactorDisabledEvent(USER));
        }

        @Test
        void thePasswordAndAnUnusedRecoveryCodeTurnTwoFactorOff() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .when(new DisableTwoFactorCommand(USER, secret(PASSWORD), secret(FakeSecretCodes.recoveryCode(7))))
                    .expectEvents(new TwoFactorDisabledEvent(USER));
        }

        @Test
        void aSpentRecoveryCodeDoesNotTurnTwoFactorOff() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .andGiven(new RecoveryCodeUsedEvent(USER, 6))
                    .when(new DisableTwoFactorCommand(USER, secret(PASSWORD), secret(FakeSecretCodes.recoveryCode(7))))
                    .expectException(InvalidCodeException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesToDisableWhatIsNotOn() {
            fixture.given(registered())
                    .when(new DisableTwoFactorCommand(USER, secret(PASSWORD), secret(WRONG_CODE)))
                    .expectException(TwoFactorStateException.class);
        }

        @Test
        void onceOffThePasswordAloneOpensASessionAgain() {
            fixture.given(registered()).andGiven(twoFactorOn(CONFIRMED))
                    .andGiven(new TwoFactorDisabledEvent(USER))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectEventsMatching(exactly(satisfying(LoginSucceededEvent.class,
                            event -> assertThat(event.method()).isEqualTo(LoginMethod.PASSWORD))));
        }

        private List<Object> wrongSecondFactors(int count) {
            return IntStream.rangeClosed(1, count).mapToObj(n -> (Object) loginFailed(WRONG_SECOND_FACTOR, n)).toList();
        }
    }

    @Nested
    class RefreshTokenRotation {

        private final SessionId session = session("s-1");

        @Test
        void rotatesTheRefreshToken() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-1")))
                    .expectEvents(refreshed(session, "rt-1", "token-1"))
                    .expectResultMessagePayload(new RefreshResult(RefreshResult.Outcome.REFRESHED, USER, session,
                            refreshToken(session, "token-1"), Set.of(Role.CUSTOMER)));
        }

        @Test
        void theRotatedTokenIsTheOneThatWorksNext() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW), refreshed(session, "rt-1", "rt-2"))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-2")))
                    .expectEvents(refreshed(session, "rt-2", "token-1"));
        }

        @Test
        void aReplayedOldTokenRevokesTheSession() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW), refreshed(session, "rt-1", "rt-2"))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-1")))
                    .expectEvents(revoked(session, SessionRevocationReason.REFRESH_TOKEN_REUSED))
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.REUSE_DETECTED));
        }

        @Test
        void afterAReplayEvenTheNewestTokenIsRefused() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW), refreshed(session, "rt-1", "rt-2"),
                            revoked(session, SessionRevocationReason.REFRESH_TOKEN_REUSED))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-2")))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.SESSION_ENDED));
        }

        @Test
        void aRevokedSessionCannotBeRefreshed() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW), revoked(session, SessionRevocationReason.LOGOUT))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-1")))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.SESSION_ENDED));
        }

        @Test
        void anUnknownSessionIsAnInvalidToken() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .when(new RefreshSessionCommand(USER, session("s-unknown"), secret("rt-1")))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.INVALID_TOKEN));
        }

        @Test
        void aSecretTheSessionNeverHadIsAnInvalidTokenAndEndsNothing() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .when(new RefreshSessionCommand(USER, session, secret("guessed")))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.INVALID_TOKEN));
        }

        @Test
        void aSessionCanBeRefreshedUntilJustBeforeHalfAnHourWithoutUse() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .andGivenCurrentTime(NOW.plus(SESSION_IDLE_TIMEOUT).minusSeconds(1))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-1")))
                    .expectEvents(refreshed(session, "rt-1", "token-1"));
        }

        @Test
        void aSessionUnusedForHalfAnHourEnds() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .andGivenCurrentTime(NOW.plus(SESSION_IDLE_TIMEOUT))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-1")))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.SESSION_ENDED));
        }

        @Test
        void eachRefreshRestartsTheIdleClock() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(25)))
                    .andGiven(refreshed(session, "rt-1", "rt-2"))
                    .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(50)))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-2")))
                    .expectEvents(refreshed(session, "rt-2", "token-1"));
        }

        @Test
        void aSessionEndsTwelveHoursAfterLoginHoweverOftenItWasRefreshed() {
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .andGivenCurrentTime(NOW.plus(SESSION_LIFETIME).minus(Duration.ofMinutes(10)))
                    .andGiven(refreshed(session, "rt-1", "rt-2"))
                    .andGivenCurrentTime(NOW.plus(SESSION_LIFETIME))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-2")))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.SESSION_ENDED));
        }

        @Test
        void anExpiredSessionStaysEndedAfterALaterLogin() {
            Instant later = NOW.plus(SESSION_LIFETIME).plus(Duration.ofDays(1));
            fixture.given(registered(), loggedIn(session, "rt-1", NOW))
                    .andGivenCurrentTime(later)
                    .andGiven(loggedIn(session("s-2"), "rt-9", later))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-1")))
                    .expectNoEvents()
                    .expectResultMessagePayload(RefreshResult.refused(RefreshResult.Outcome.SESSION_ENDED));
        }

        @Test
        void aRefreshAnswersTheRolesTheAccountHasNow() {
            fixture.given(registered(LANGUAGE, Role.CUSTOMER, Role.ADMIN), loggedIn(session, "rt-1", NOW),
                            new RoleRevokedEvent(USER, Role.ADMIN))
                    .when(new RefreshSessionCommand(USER, session, secret("rt-1")))
                    .expectResultMessagePayloadMatching(satisfying(RefreshResult.class,
                            result -> assertThat(result.roles()).containsExactly(Role.CUSTOMER)));
        }
    }

    @Nested
    class EndingSessions {

        @Test
        void endsASession() {
            fixture.given(registered(), loggedIn(session("s-1"), "rt-1", NOW))
                    .when(new RevokeSessionCommand(USER, session("s-1"), SessionRevocationReason.LOGOUT))
                    .expectEvents(revoked(session("s-1"), SessionRevocationReason.LOGOUT));
        }

        @Test
        void endingAnEndedSessionAgainChangesNothing() {
            fixture.given(registered(), loggedIn(session("s-1"), "rt-1", NOW),
                            revoked(session("s-1"), SessionRevocationReason.LOGOUT))
                    .when(new RevokeSessionCommand(USER, session("s-1"), SessionRevocationReason.REVOKED_BY_USER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToEndASessionTheAccountNeverHad() {
            fixture.given(registered(), loggedIn(session("s-1"), "rt-1", NOW))
                    .when(new RevokeSessionCommand(USER, session("s-other"), SessionRevocationReason.LOGOUT))
                    .expectException(SessionNotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void endingASessionThatExpiredBeforeALaterLoginChangesNothing() {
            Instant later = NOW.plus(SESSION_LIFETIME).plus(Duration.ofDays(1));
            fixture.given(registered(), loggedIn(session("s-1"), "rt-1", NOW))
                    .andGivenCurrentTime(later)
                    .andGiven(loggedIn(session("s-2"), "rt-2", later))
                    .when(new RevokeSessionCommand(USER, session("s-1"), SessionRevocationReason.REVOKED_BY_USER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void endingTheOtherSessionsKeepsTheCurrentOne() {
            fixture.given(registered(), loggedIn(session("s-c"), "rt-c", NOW), loggedIn(session("s-a"), "rt-a", NOW),
                            loggedIn(session("s-b"), "rt-b", NOW))
                    .when(new RevokeOtherSessionsCommand(USER, session("s-b"), SessionRevocationReason.REVOKED_BY_USER))
                    .expectEvents(revoked(session("s-a"), SessionRevocationReason.REVOKED_BY_USER),
                            revoked(session("s-c"), SessionRevocationReason.REVOKED_BY_USER))
                    .expectResultMessagePayload(2);
        }

        @Test
        void withNoSessionToKeepEverySessionEnds() {
            fixture.given(registered(), loggedIn(session("s-a"), "rt-a", NOW), loggedIn(session("s-b"), "rt-b", NOW))
                    .when(new RevokeOtherSessionsCommand(USER, null, SessionRevocationReason.REVOKED_BY_ADMIN))
                    .expectEvents(revoked(session("s-a"), SessionRevocationReason.REVOKED_BY_ADMIN),
                            revoked(session("s-b"), SessionRevocationReason.REVOKED_BY_ADMIN))
                    .expectResultMessagePayload(2);
        }

        @Test
        void withNoOtherSessionNothingEnds() {
            fixture.given(registered(), loggedIn(session("s-a"), "rt-a", NOW))
                    .when(new RevokeOtherSessionsCommand(USER, session("s-a"), SessionRevocationReason.REVOKED_BY_USER))
                    .expectNoEvents()
                    .expectResultMessagePayload(0);
        }
    }

    @Nested
    class PasswordChange {

        @Test
        void needsTheCurrentPassword() {
            fixture.given(registered())
                    .when(new ChangePasswordCommand(USER, secret("not-her-password"), secret(NEW_PASSWORD), null))
                    .expectException(WrongPasswordException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAWeakNewPassword() {
            fixture.given(registered())
                    .when(new ChangePasswordCommand(USER, secret(PASSWORD), secret("short-pw"), null))
                    .expectException(WeakPasswordException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesANewPasswordBuiltFromTheAccountsMobileNumber() {
            fixture.given(registered())
                    .when(new ChangePasswordCommand(USER, secret(PASSWORD), secret("my-09121234567-pw"), null))
                    .expectException(satisfying(WeakPasswordException.class, e -> assertThat(e.error().context())
                            .containsEntry("reason", FakePasswordPolicy.PERSONAL)))
                    .expectNoEvents();
        }

        @Test
        void recordsTheNewHashAndEndsEveryOtherSession() {
            fixture.given(registered(), loggedIn(session("s-c"), "rt-c", NOW), loggedIn(session("s-a"), "rt-a", NOW),
                            loggedIn(session("s-b"), "rt-b", NOW))
                    .when(new ChangePasswordCommand(USER, secret(PASSWORD), secret(NEW_PASSWORD), session("s-b")))
                    .expectEvents(new PasswordChangedEvent(USER, FakePasswordHasher.hashOf(NEW_PASSWORD)),
                            revoked(session("s-a"), SessionRevocationReason.PASSWORD_CHANGED),
                            revoked(session("s-c"), SessionRevocationReason.PASSWORD_CHANGED));
        }

        @Test
        void theNewPasswordLogsIn() {
            fixture.given(registered(), new PasswordChangedEvent(USER, FakePasswordHasher.hashOf(NEW_PASSWORD)))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(NEW_PASSWORD)))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                            result -> assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED)));
        }
    }

    @Nested
    class Profile {

        @Test
        void updatesNamesAndLanguage() {
            fixture.given(registered())
                    .when(new UpdateProfileCommand(USER, "Sara", "Rahimi-Tehrani", "en"))
                    .expectEvents(new ProfileUpdatedEvent(USER, "Sara", "Rahimi-Tehrani", "en"));
        }

        @Test
        void anUnchangedProfileChangesNothing() {
            fixture.given(registered())
                    .when(new UpdateProfileCommand(USER, "Sara", "Rahimi", LANGUAGE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void withoutALanguageTheCurrentOneIsKept() {
            fixture.given(registered())
                    .when(new UpdateProfileCommand(USER, "Sara", "Karimi", null))
                    .expectEvents(new ProfileUpdatedEvent(USER, "Sara", "Karimi", LANGUAGE));
        }

        @Test
        void withoutALanguageAnUnchangedProfileChangesNothing() {
            fixture.given(registered())
                    .when(new UpdateProfileCommand(USER, "Sara", "Rahimi", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anUnchangedProfileOfAnAccountRegisteredWithoutALanguageChangesNothing() {
            fixture.given(registered(null, Role.CUSTOMER))
                    .when(new UpdateProfileCommand(USER, "Sara", "Rahimi", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class IdentityDocuments {

        @Test
        void submittingADocumentCompletesTheProfile() {
            fixture.given(registered())
                    .when(new SubmitIdentityDocumentCommand(USER, NATIONAL_ID))
                    .expectEvents(new IdentityDocumentSubmittedEvent(USER, NATIONAL_ID));
        }

        @Test
        void submittingTheSameDocumentAgainChangesNothing() {
            fixture.given(registered(), new IdentityDocumentSubmittedEvent(USER, NATIONAL_ID))
                    .when(new SubmitIdentityDocumentCommand(USER, NATIONAL_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aNewDocumentReplacesAnUnverifiedOne() {
            fixture.given(registered(), new IdentityDocumentSubmittedEvent(USER, NATIONAL_ID))
                    .when(new SubmitIdentityDocumentCommand(USER, PASSPORT))
                    .expectEvents(new IdentityDocumentSubmittedEvent(USER, PASSPORT));
        }

        @Test
        void refusesToVerifyAnIdentityWithoutADocument() {
            fixture.given(registered())
                    .when(new VerifyIdentityCommand(USER))
                    .expectException(NoIdentityDocumentException.class)
                    .expectNoEvents();
        }

        @Test
        void verifyingConfirmsTheLatestSubmittedDocument() {
            fixture.given(registered(), new IdentityDocumentSubmittedEvent(USER, NATIONAL_ID),
                            new IdentityDocumentSubmittedEvent(USER, PASSPORT))
                    .when(new VerifyIdentityCommand(USER))
                    .expectEvents(new IdentityVerifiedEvent(USER, PASSPORT));
        }

        @Test
        void verifyingAVerifiedIdentityAgainChangesNothing() {
            fixture.given(registered(), new IdentityDocumentSubmittedEvent(USER, NATIONAL_ID),
                            new IdentityVerifiedEvent(USER, NATIONAL_ID))
                    .when(new VerifyIdentityCommand(USER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aVerifiedIdentityCanNoLongerBeReplaced() {
            fixture.given(registered(), new IdentityDocumentSubmittedEvent(USER, NATIONAL_ID),
                            new IdentityVerifiedEvent(USER, NATIONAL_ID))
                    .when(new SubmitIdentityDocumentCommand(USER, PASSPORT))
                    .expectException(IdentityAlreadyVerifiedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Administration {

        @Test
        void suspendingEndsEverySessionAtOnce() {
            fixture.given(registered(), loggedIn(session("s-b"), "rt-b", NOW), loggedIn(session("s-a"), "rt-a", NOW))
                    .when(new SuspendUserCommand(USER, "chargeback"))
                    .expectEvents(new UserSuspendedEvent(USER, "chargeback"),
                            revoked(session("s-a"), SessionRevocationReason.ACCOUNT_SUSPENDED),
                            revoked(session("s-b"), SessionRevocationReason.ACCOUNT_SUSPENDED));
        }

        @Test
        void suspendingASuspendedAccountChangesNothing() {
            fixture.given(registered(), suspended())
                    .when(new SuspendUserCommand(USER, "again"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reactivatesASuspendedAccount() {
            fixture.given(registered(), suspended())
                    .when(new ReactivateUserCommand(USER))
                    .expectEvents(new UserReactivatedEvent(USER));
        }

        @Test
        void reactivatingAnActiveAccountChangesNothing() {
            fixture.given(registered())
                    .when(new ReactivateUserCommand(USER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aReactivatedAccountLogsInAgain() {
            fixture.given(registered(), suspended(), new UserReactivatedEvent(USER))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                            result -> assertThat(result.outcome()).isEqualTo(LoginResult.Outcome.SUCCEEDED)));
        }

        @Test
        void grantsARole() {
            fixture.given(registered())
                    .when(new GrantRoleCommand(USER, Role.ADMIN))
                    .expectEvents(new RoleGrantedEvent(USER, Role.ADMIN));
        }

        @Test
        void grantingAHeldRoleChangesNothing() {
            fixture.given(registered())
                    .when(new GrantRoleCommand(USER, Role.CUSTOMER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void revokesARole() {
            fixture.given(registered(LANGUAGE, Role.CUSTOMER, Role.SUPPORT))
                    .when(new RevokeRoleCommand(USER, Role.SUPPORT))
                    .expectEvents(new RoleRevokedEvent(USER, Role.SUPPORT));
        }

        @Test
        void revokingARoleNotHeldChangesNothing() {
            fixture.given(registered())
                    .when(new RevokeRoleCommand(USER, Role.ADMIN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToRevokeTheLastRole() {
            fixture.given(registered(LANGUAGE, Role.CUSTOMER, Role.SUPPORT), new RoleRevokedEvent(USER, Role.SUPPORT))
                    .when(new RevokeRoleCommand(USER, Role.CUSTOMER))
                    .expectException(LastRoleException.class)
                    .expectNoEvents();
        }

        @Test
        void theNextLoginCarriesAGrantedRole() {
            fixture.given(registered(), new RoleGrantedEvent(USER, Role.ADMIN))
                    .when(new LogInWithPasswordCommand(LOGIN_NAME, secret(PASSWORD)))
                    .expectResultMessagePayloadMatching(satisfying(LoginResult.class,
                            result -> assertThat(result.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN)));
        }
    }
}
