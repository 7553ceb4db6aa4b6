package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.ChangePasswordCommand;
import com.nettoria.coreapi.identity.CodeCheckResult;
import com.nettoria.coreapi.identity.CodePurpose;
import com.nettoria.coreapi.identity.CompleteSecondFactorCommand;
import com.nettoria.coreapi.identity.ConfirmTwoFactorCommand;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.DisableTwoFactorCommand;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.GrantRoleCommand;
import com.nettoria.coreapi.identity.IdentityDocument;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.IdentityVerifiedEvent;
import com.nettoria.coreapi.identity.LoginFailedEvent;
import com.nettoria.coreapi.identity.LoginFailureReason;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.LoginResult;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.MarkContactsVerifiedCommand;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeConsumedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeIssuedEvent;
import com.nettoria.coreapi.identity.OneTimeCodeRejectedEvent;
import com.nettoria.coreapi.identity.PasswordChangedEvent;
import com.nettoria.coreapi.identity.PasswordResetEvent;
import com.nettoria.coreapi.identity.ProfileUpdatedEvent;
import com.nettoria.coreapi.identity.ReactivateUserCommand;
import com.nettoria.coreapi.identity.RecoveryCodeUsedEvent;
import com.nettoria.coreapi.identity.RecoveryCodes;
import com.nettoria.coreapi.identity.RefreshResult;
import com.nettoria.coreapi.identity.RefreshSessionCommand;
import com.nettoria.coreapi.identity.RefreshToken;
import com.nettoria.coreapi.identity.RevokeOtherSessionsCommand;
import com.nettoria.coreapi.identity.RevokeRoleCommand;
import com.nettoria.coreapi.identity.RevokeSessionCommand;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.RoleGrantedEvent;
import com.nettoria.coreapi.identity.RoleRevokedEvent;
import com.nettoria.coreapi.identity.SecondFactorRequestedEvent;
import com.nettoria.coreapi.identity.Secret;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionRefreshedEvent;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SessionRevokedEvent;
import com.nettoria.coreapi.identity.StartTwoFactorSetupCommand;
import com.nettoria.coreapi.identity.SubmitIdentityDocumentCommand;
import com.nettoria.coreapi.identity.SuspendUserCommand;
import com.nettoria.coreapi.identity.TwoFactorDisabledEvent;
import com.nettoria.coreapi.identity.TwoFactorEnabledEvent;
import com.nettoria.coreapi.identity.TwoFactorSetup;
import com.nettoria.coreapi.identity.TwoFactorSetupStartedEvent;
import com.nettoria.coreapi.identity.UpdateProfileCommand;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserReactivatedEvent;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import com.nettoria.coreapi.identity.VerifyContactCommand;
import com.nettoria.coreapi.identity.VerifyIdentityCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import static com.nettoria.command.identity.IdentityRules.CODE_ATTEMPTS;
import static com.nettoria.command.identity.IdentityRules.CODE_TTL;
import static com.nettoria.command.identity.IdentityRules.RECOVERY_CODES;
import static com.nettoria.command.identity.IdentityRules.SECOND_FACTOR_ATTEMPTS;
import static com.nettoria.command.identity.IdentityRules.SECOND_FACTOR_TTL;
import static com.nettoria.command.identity.IdentityRules.SESSION_LIFETIME;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's account: who they are, how they prove it (password, one-time codes, TOTP, recovery codes), their
 * sessions (refresh-token families), roles and status. Secrets are never kept, only their hashes; every
 * attempt, success or failure, is an event, so the activity log and the lockout rules see the same history.
 * Collaborators that hash or generate secrets come in as handler parameters; the account does no I/O.
 */
@Aggregate
public class UserAccount {

    @AggregateIdentifier
    private UserId userId;
    private String firstName;
    private String lastName;
    private EmailAddress email;
    private MobileNumber mobile;
    private boolean emailVerified;
    private boolean mobileVerified;
    private String passwordHash;
    private final Set<Role> roles = EnumSet.noneOf(Role.class);
    private String language;
    private AccountStatus status = AccountStatus.ACTIVE;
    private int consecutiveFailures;
    private final Map<CodePurpose, PendingCode> pendingCodes = new EnumMap<>(CodePurpose.class);
    private final Map<SessionId, SessionState> sessions = new HashMap<>();
    private final Set<SessionId> endedSessions = new HashSet<>();
    private final Map<String, SecondFactorChallenge> challenges = new HashMap<>();
    /** Sealed ({@link SecretCodes#seal}), as in the events. */
    private String pendingTotpSecret;
    private String totpSecret;
    private long lastTotpTimeStep;
    private final List<String> recoveryCodeHashes = new ArrayList<>();
    private final Set<Integer> usedRecoveryCodes = new HashSet<>();
    private IdentityDocument identityDocument;
    private IdentityStatus identityStatus = IdentityStatus.NONE;

    protected UserAccount() {
        // for Axon
    }

    /** Registration; uniqueness of email and mobile and the password's strength are checked before. */
    UserAccount(UserId userId, String firstName, String lastName, EmailAddress email, MobileNumber mobile,
                String passwordHash, Set<Role> roles, String language) {
        apply(new UserRegisteredEvent(userId, firstName, lastName, email, mobile, passwordHash,
                roles.isEmpty() ? Set.of(Role.CUSTOMER) : Set.copyOf(roles), language));
    }

    // ---------------------------------------------------------------- one-time codes

    /** What the sender of a code needs: when it dies, and where it goes. */
    record IssuedCode(CodePurpose purpose, ContactChannel channel, String recipient, String recipientName,
                      String language, Instant expiresAt, Instant resendAllowedAt) {
    }

    /**
     * Records a new code of {@code purpose} on {@code channel}. Codes to log in or reset a password go only to
     * a verified contact; verification codes only to a contact not yet verified.
     *
     * @throws ContactNotVerifiedException     for a login or reset code to an unverified contact
     * @throws ContactAlreadyVerifiedException for a verification code to a verified contact
     * @throws CodeResendTooSoonException      within the cooldown of the last code of this purpose
     */
    IssuedCode issueCode(CodePurpose purpose, ContactChannel channel, String codeId, String codeHash, Instant now) {
        boolean verified = channel == ContactChannel.EMAIL ? emailVerified : mobileVerified;
        switch (purpose) {
            case VERIFY_EMAIL, VERIFY_MOBILE -> {
                if (verified) {
                    throw new ContactAlreadyVerifiedException();
                }
            }
            case LOGIN, PASSWORD_RESET -> {
                if (!verified) {
                    throw new ContactNotVerifiedException(channel);
                }
            }
        }
        PendingCode last = pendingCodes.get(purpose);
        if (last != null && now.isBefore(last.resendAllowedAt())) {
            throw new CodeResendTooSoonException(last.resendAllowedAt(),
                    Math.max(1, last.resendAllowedAt().getEpochSecond() - now.getEpochSecond()));
        }
        Instant expiresAt = now.plus(CODE_TTL);
        apply(new OneTimeCodeIssuedEvent(userId, codeId, purpose, channel, codeHash, expiresAt, CODE_ATTEMPTS));
        return new IssuedCode(purpose, channel, channel == ContactChannel.EMAIL ? email.value() : mobile.value(),
                (firstName + " " + lastName).strip(), language, expiresAt, now.plus(IdentityRules.CODE_RESEND_COOLDOWN));
    }

    /** A contact this account left unverified and a later registration took over cannot be verified here. */
    @CommandHandler
    public CodeCheckResult handle(VerifyContactCommand command, SecretCodes codes, ContactDirectory directory) {
        boolean byEmail = command.channel() == ContactChannel.EMAIL;
        if (byEmail ? emailVerified : mobileVerified) {
            throw new ContactAlreadyVerifiedException();
        }
        String contact = byEmail ? email.value() : mobile.value();
        if (!directory.holds(userId, contact)) {
            throw new ContactTakenException();
        }
        CodeCheckResult result = useCode(byEmail ? CodePurpose.VERIFY_EMAIL : CodePurpose.VERIFY_MOBILE,
                command.code(), now(), codes);
        if (result.wasAccepted()) {
            apply(byEmail ? new EmailVerifiedEvent(userId, email) : new MobileVerifiedEvent(userId, mobile));
            directory.markVerified(userId, contact);
        }
        return result;
    }

    @CommandHandler
    public void handle(MarkContactsVerifiedCommand command, ContactDirectory directory) {
        if (!emailVerified && !directory.holds(userId, email.value())
                || !mobileVerified && !directory.holds(userId, mobile.value())) {
            throw new ContactTakenException();
        }
        if (!emailVerified) {
            apply(new EmailVerifiedEvent(userId, email));
            directory.markVerified(userId, email.value());
        }
        if (!mobileVerified) {
            apply(new MobileVerifiedEvent(userId, mobile));
            directory.markVerified(userId, mobile.value());
        }
    }

    /** Spends one try of the live code of {@code purpose}: consumed when right, one try fewer when wrong. */
    private CodeCheckResult useCode(CodePurpose purpose, Secret code, Instant now, SecretCodes codes) {
        PendingCode pending = pendingCodes.get(purpose);
        if (pending == null) {
            return new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0);
        }
        CodeCheckResult.Outcome outcome = pending.check(code.value().strip(), now, codes);
        switch (outcome) {
            case ACCEPTED -> {
                apply(new OneTimeCodeConsumedEvent(userId, pending.codeId(), purpose));
                return CodeCheckResult.accepted();
            }
            case WRONG_CODE -> {
                int left = pending.attemptsLeft() - 1;
                apply(new OneTimeCodeRejectedEvent(userId, pending.codeId(), purpose, left));
                return new CodeCheckResult(left == 0 ? CodeCheckResult.Outcome.TOO_MANY_ATTEMPTS : outcome, left);
            }
            default -> {
                return new CodeCheckResult(outcome, 0);
            }
        }
    }

    // ---------------------------------------------------------------- login

    LoginResult logInWithPassword(Secret password, PasswordHasher hasher, SecretCodes codes) {
        if (!hasher.matches(password, passwordHash)) {
            apply(new LoginFailedEvent(userId, LoginFailureReason.WRONG_PASSWORD, consecutiveFailures + 1));
            return LoginResult.failed();
        }
        return afterFirstFactor(LoginMethod.PASSWORD, codes);
    }

    LoginResult logInWithCode(Secret code, SecretCodes codes) {
        CodeCheckResult result = useCode(CodePurpose.LOGIN, code, now(), codes);
        if (!result.wasAccepted()) {
            apply(new LoginFailedEvent(userId, LoginFailureReason.WRONG_CODE, consecutiveFailures + 1));
            return LoginResult.failed();
        }
        return afterFirstFactor(LoginMethod.ONE_TIME_CODE, codes);
    }

    private LoginResult afterFirstFactor(LoginMethod method, SecretCodes codes) {
        if (status == AccountStatus.SUSPENDED) {
            apply(new LoginFailedEvent(userId, LoginFailureReason.ACCOUNT_SUSPENDED, consecutiveFailures + 1));
            return LoginResult.suspended(userId);
        }
        if (totpSecret != null) {
            String challengeId = codes.newToken();
            apply(new SecondFactorRequestedEvent(userId, challengeId, now().plus(SECOND_FACTOR_TTL)));
            return LoginResult.secondFactorRequired(userId, challengeId);
        }
        return openSession(method, 0, codes);
    }

    @CommandHandler
    public LoginResult handle(CompleteSecondFactorCommand command, TotpAuthenticator totp, SecretCodes codes) {
        SecondFactorChallenge challenge = command.challengeId() == null ? null : challenges.get(command.challengeId());
        Instant now = now();
        if (challenge == null || !challenge.openAt(now) || totpSecret == null) {
            apply(new LoginFailedEvent(userId, LoginFailureReason.CHALLENGE_EXPIRED, consecutiveFailures + 1));
            return LoginResult.failed();
        }
        if (status == AccountStatus.SUSPENDED) {
            apply(new LoginFailedEvent(userId, LoginFailureReason.ACCOUNT_SUSPENDED, consecutiveFailures + 1));
            return LoginResult.suspended(userId);
        }
        OptionalLong step = totp.verify(codes.unseal(totpSecret), command.code().value().strip(), now,
                lastTotpTimeStep);
        if (step.isPresent()) {
            return openSession(LoginMethod.PASSWORD_AND_TOTP, step.getAsLong(), codes);
        }
        int recoveryCode = unusedRecoveryCode(command.code(), codes);
        if (recoveryCode >= 0) {
            apply(new RecoveryCodeUsedEvent(userId, recoveryCode));
            return openSession(LoginMethod.PASSWORD_AND_RECOVERY_CODE, 0, codes);
        }
        apply(new LoginFailedEvent(userId, LoginFailureReason.WRONG_SECOND_FACTOR, consecutiveFailures + 1));
        return LoginResult.failed();
    }

    private LoginResult openSession(LoginMethod method, long totpTimeStep, SecretCodes codes) {
        SessionId sessionId = SessionId.random();
        String secret = codes.newToken();
        apply(new LoginSucceededEvent(userId, sessionId, method, codes.hash(secret), now().plus(SESSION_LIFETIME),
                totpTimeStep));
        return LoginResult.succeeded(userId, sessionId, new RefreshToken(userId, sessionId, secret).encoded(), roles);
    }

    // ---------------------------------------------------------------- sessions

    /**
     * Rotates the refresh token. A token that was already rotated away is a stolen copy (or a stolen original):
     * the session is revoked for both holders.
     */
    @CommandHandler
    public RefreshResult handle(RefreshSessionCommand command, SecretCodes codes) {
        SessionState session = sessions.get(command.sessionId());
        if (session == null) {
            return RefreshResult.refused(endedSessions.contains(command.sessionId())
                    ? RefreshResult.Outcome.SESSION_ENDED : RefreshResult.Outcome.INVALID_TOKEN);
        }
        String presented = codes.hash(command.refreshSecret().value());
        if (session.isCurrent(presented)) {
            if (session.expiredAt(now()) || status == AccountStatus.SUSPENDED) {
                return RefreshResult.refused(RefreshResult.Outcome.SESSION_ENDED);
            }
            String secret = codes.newToken();
            apply(new SessionRefreshedEvent(userId, command.sessionId(), codes.hash(secret), presented));
            return new RefreshResult(RefreshResult.Outcome.REFRESHED, userId, command.sessionId(),
                    new RefreshToken(userId, command.sessionId(), secret).encoded(), Set.copyOf(roles));
        }
        if (session.wasUsedBefore(presented)) {
            apply(new SessionRevokedEvent(userId, command.sessionId(), SessionRevocationReason.REFRESH_TOKEN_REUSED));
            return RefreshResult.refused(RefreshResult.Outcome.REUSE_DETECTED);
        }
        return RefreshResult.refused(RefreshResult.Outcome.INVALID_TOKEN);
    }

    /** Ending an ended session again changes nothing; a session the account never had is refused. */
    @CommandHandler
    public void handle(RevokeSessionCommand command) {
        if (sessions.containsKey(command.sessionId())) {
            apply(new SessionRevokedEvent(userId, command.sessionId(), command.reason()));
        } else if (!endedSessions.contains(command.sessionId())) {
            throw new SessionNotFoundException();
        }
    }

    /** @return how many sessions ended */
    @CommandHandler
    public int handle(RevokeOtherSessionsCommand command) {
        return revokeAllBut(command.keep(), command.reason());
    }

    private int revokeAllBut(SessionId keep, SessionRevocationReason reason) {
        List<SessionId> ending = sessions.keySet().stream().filter(id -> !id.equals(keep))
                .sorted(Comparator.comparing(SessionId::value)).toList();
        ending.forEach(id -> apply(new SessionRevokedEvent(userId, id, reason)));
        return ending.size();
    }

    // ---------------------------------------------------------------- passwords

    /** Handled by {@link AccountCommandHandler}, which tells the owner by email afterwards. */
    Recipient changePassword(ChangePasswordCommand command, PasswordHasher hasher, PasswordPolicy policy) {
        if (!hasher.matches(command.currentPassword(), passwordHash)) {
            throw new WrongPasswordException();
        }
        requireStrong("newPassword", command.newPassword(), policy);
        apply(new PasswordChangedEvent(userId, hasher.hash(command.newPassword())));
        revokeAllBut(command.currentSession(), SessionRevocationReason.PASSWORD_CHANGED);
        return recipient();
    }

    /** Where security notices go: the account's email address, in its language. */
    record Recipient(String email, String name, String language) {
    }

    /** The account's email address or mobile number (E.164). */
    String contact(ContactChannel channel) {
        return channel == ContactChannel.EMAIL ? email.value() : mobile.value();
    }

    Recipient recipient() {
        return new Recipient(email.value(), (firstName + " " + lastName).strip(), language);
    }

    /**
     * Where notices about the customer's orders and VMs go, for readers outside identity: the account's name,
     * language and email address, and its mobile number only once verified. Reads state; changes nothing.
     */
    public Contacts contacts() {
        return new Contacts((firstName + " " + lastName).strip(), language, email.value(),
                mobileVerified && mobile != null ? mobile.value() : null);
    }

    /** What {@link #contacts()} tells: {@code verifiedMobile} (E.164) is null while the mobile is unverified. */
    public record Contacts(String name, String language, String email, String verifiedMobile) {
    }

    /** A reset spends the reset code; a weak new password is refused before the code is tried. */
    /**
     * A reset needs the right code first: only its holder learns anything about the account (e.g. that the new
     * password contains the holder's name). A right code with a weak password is not spent.
     */
    CodeCheckResult resetPassword(Secret code, Secret newPassword, PasswordHasher hasher, PasswordPolicy policy,
                                  SecretCodes codes) {
        PendingCode pending = pendingCodes.get(CodePurpose.PASSWORD_RESET);
        if (pending != null && pending.check(code.value().strip(), now(), codes) == CodeCheckResult.Outcome.ACCEPTED) {
            requireStrong("newPassword", newPassword, policy);
        }
        CodeCheckResult result = useCode(CodePurpose.PASSWORD_RESET, code, now(), codes);
        if (result.wasAccepted()) {
            apply(new PasswordResetEvent(userId, hasher.hash(newPassword), pending.channel()));
            revokeAllBut(null, SessionRevocationReason.PASSWORD_RESET);
        }
        return result;
    }

    void requireStrong(String field, Secret password, PasswordPolicy policy) {
        policy.weakness(password, personalWords()).ifPresent(weakness -> {
            throw new WeakPasswordException(field, weakness);
        });
    }

    /** Words a password must not be built from: the person's names, mailbox name and mobile digits. */
    List<String> personalWords() {
        return personalWords(firstName, lastName, email, mobile);
    }

    static List<String> personalWords(String firstName, String lastName, EmailAddress email, MobileNumber mobile) {
        List<String> words = new ArrayList<>();
        words.add(firstName);
        words.add(lastName);
        if (email != null) {
            words.add(email.value().substring(0, email.value().indexOf('@')));
        }
        if (mobile != null) {
            words.add(mobile.value().substring(1));
            words.add(mobile.localForm());
        }
        return words.stream().filter(w -> w != null && !w.isBlank()).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    // ---------------------------------------------------------------- two-factor authentication

    @CommandHandler
    public TwoFactorSetup handle(StartTwoFactorSetupCommand command, TotpAuthenticator totp, SecretCodes codes) {
        if (totpSecret != null) {
            throw new TwoFactorStateException("two-factor authentication is already on; disable it first");
        }
        String secret = totp.newSecret();
        apply(new TwoFactorSetupStartedEvent(userId, codes.seal(secret)));
        String uri = totp.otpauthUri(secret, email.value());
        return new TwoFactorSetup(secret, uri, totp.qrImageDataUri(uri));
    }

    /** Needs the password too: a stolen access token alone must not be able to lock the owner out. */
    RecoveryCodes confirmTwoFactor(ConfirmTwoFactorCommand command, PasswordHasher hasher, TotpAuthenticator totp,
                                   SecretCodes codes) {
        if (totpSecret != null) {
            throw new TwoFactorStateException("two-factor authentication is already on");
        }
        if (pendingTotpSecret == null) {
            throw new TwoFactorStateException("start the two-factor setup first");
        }
        if (!hasher.matches(command.password(), passwordHash)) {
            throw new WrongPasswordException("password");
        }
        OptionalLong step = totp.verify(codes.unseal(pendingTotpSecret), command.code().value().strip(), now(),
                lastTotpTimeStep);
        if (step.isEmpty()) {
            throw new InvalidCodeException("code", CodeCheckResult.Outcome.WRONG_CODE, 0);
        }
        List<String> plain = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recoveryCode = codes.newRecoveryCode();
            plain.add(recoveryCode);
            hashes.add(codes.hash(normalizedRecoveryCode(recoveryCode)));
        }
        apply(new TwoFactorEnabledEvent(userId, hashes, step.getAsLong()));
        return new RecoveryCodes(plain);
    }

    void disableTwoFactor(DisableTwoFactorCommand command, PasswordHasher hasher, TotpAuthenticator totp,
                          SecretCodes codes) {
        if (totpSecret == null) {
            throw new TwoFactorStateException("two-factor authentication is not on");
        }
        if (!hasher.matches(command.password(), passwordHash)) {
            throw new WrongPasswordException("password");
        }
        boolean totpCode = totp.verify(codes.unseal(totpSecret), command.code().value().strip(), now(),
                lastTotpTimeStep).isPresent();
        if (!totpCode && unusedRecoveryCode(command.code(), codes) < 0) {
            throw new InvalidCodeException("code", CodeCheckResult.Outcome.WRONG_CODE, 0);
        }
        apply(new TwoFactorDisabledEvent(userId));
    }

    private int unusedRecoveryCode(Secret code, SecretCodes codes) {
        String normalized = normalizedRecoveryCode(code.value());
        for (int i = 0; i < recoveryCodeHashes.size(); i++) {
            if (!usedRecoveryCodes.contains(i) && codes.matches(normalized, recoveryCodeHashes.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Recovery codes are typed by hand: dashes, blanks and capitals do not matter. */
    static String normalizedRecoveryCode(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- profile and identity

    @CommandHandler
    public void handle(UpdateProfileCommand command) {
        String newLanguage = command.language() == null ? language : command.language();
        if (command.firstName().equals(firstName) && command.lastName().equals(lastName)
                && Objects.equals(newLanguage, language)) {
            return;
        }
        apply(new ProfileUpdatedEvent(userId, command.firstName(), command.lastName(), newLanguage));
    }

    @CommandHandler
    public void handle(SubmitIdentityDocumentCommand command) {
        if (identityStatus == IdentityStatus.VERIFIED) {
            throw new IdentityAlreadyVerifiedException();
        }
        if (!command.document().equals(identityDocument)) {
            apply(new IdentityDocumentSubmittedEvent(userId, command.document()));
        }
    }

    @CommandHandler
    public void handle(VerifyIdentityCommand command) {
        if (identityStatus == IdentityStatus.NONE) {
            throw new NoIdentityDocumentException();
        }
        if (identityStatus == IdentityStatus.SUBMITTED) {
            apply(new IdentityVerifiedEvent(userId, identityDocument));
        }
    }

    // ---------------------------------------------------------------- administration

    /** Suspension ends every session at once; suspending a suspended account changes nothing. */
    @CommandHandler
    public void handle(SuspendUserCommand command) {
        if (status == AccountStatus.SUSPENDED) {
            return;
        }
        apply(new UserSuspendedEvent(userId, command.reason()));
        revokeAllBut(null, SessionRevocationReason.ACCOUNT_SUSPENDED);
    }

    @CommandHandler
    public void handle(ReactivateUserCommand command) {
        if (status == AccountStatus.SUSPENDED) {
            apply(new UserReactivatedEvent(userId));
        }
    }

    @CommandHandler
    public void handle(GrantRoleCommand command) {
        if (!roles.contains(command.role())) {
            apply(new RoleGrantedEvent(userId, command.role()));
        }
    }

    @CommandHandler
    public void handle(RevokeRoleCommand command) {
        if (!roles.contains(command.role())) {
            return;
        }
        if (roles.size() == 1) {
            throw new LastRoleException();
        }
        apply(new RoleRevokedEvent(userId, command.role()));
    }

    /** The clock of Axon's messages (the test fixture's clock in tests). */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        userId = event.userId();
        firstName = event.firstName();
        lastName = event.lastName();
        email = event.email();
        mobile = event.mobile();
        passwordHash = event.passwordHash();
        roles.addAll(event.roles());
        language = event.language();
    }

    @EventSourcingHandler
    void on(OneTimeCodeIssuedEvent event) {
        pendingCodes.put(event.purpose(), new PendingCode(event.codeId(), event.channel(), event.codeHash(),
                event.expiresAt().minus(CODE_TTL), event.expiresAt(), event.maxAttempts()));
    }

    @EventSourcingHandler
    void on(OneTimeCodeRejectedEvent event) {
        pendingCodes.computeIfPresent(event.purpose(), (purpose, code) -> code.afterWrongAttempt(event.attemptsLeft()));
    }

    @EventSourcingHandler
    void on(OneTimeCodeConsumedEvent event) {
        pendingCodes.remove(event.purpose());
    }

    @EventSourcingHandler
    void on(EmailVerifiedEvent event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(MobileVerifiedEvent event) {
        mobileVerified = true;
    }

    @EventSourcingHandler
    void on(LoginFailedEvent event) {
        consecutiveFailures = event.consecutiveFailures();
        if (event.reason() == LoginFailureReason.WRONG_SECOND_FACTOR) {
            challenges.replaceAll((id, c) -> new SecondFactorChallenge(id, c.expiresAt(), c.attemptsLeft() - 1));
        }
    }

    @EventSourcingHandler
    void on(SecondFactorRequestedEvent event) {
        challenges.put(event.challengeId(),
                new SecondFactorChallenge(event.challengeId(), event.expiresAt(), SECOND_FACTOR_ATTEMPTS));
    }

    @EventSourcingHandler
    void on(LoginSucceededEvent event, @Timestamp Instant loggedInAt) {
        consecutiveFailures = 0;
        challenges.clear();
        sessions.entrySet().removeIf(session -> {
            boolean expired = session.getValue().expiredAt(loggedInAt);
            if (expired) {
                endedSessions.add(session.getKey());
            }
            return expired;
        });
        sessions.put(event.sessionId(), new SessionState(event.refreshTokenHash(), event.sessionExpiresAt(), loggedInAt));
        lastTotpTimeStep = Math.max(lastTotpTimeStep, event.totpTimeStep());
    }

    @EventSourcingHandler
    void on(RecoveryCodeUsedEvent event) {
        usedRecoveryCodes.add(event.index());
    }

    @EventSourcingHandler
    void on(SessionRefreshedEvent event, @Timestamp Instant refreshedAt) {
        SessionState session = sessions.get(event.sessionId());
        if (session != null) {
            session.rotate(event.refreshTokenHash(), refreshedAt);
        }
    }

    @EventSourcingHandler
    void on(SessionRevokedEvent event) {
        sessions.remove(event.sessionId());
        endedSessions.add(event.sessionId());
    }

    @EventSourcingHandler
    void on(PasswordChangedEvent event) {
        passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(PasswordResetEvent event) {
        passwordHash = event.passwordHash();
        consecutiveFailures = 0;
    }

    @EventSourcingHandler
    void on(TwoFactorSetupStartedEvent event) {
        pendingTotpSecret = event.sealedTotpSecret();
    }

    @EventSourcingHandler
    void on(TwoFactorEnabledEvent event) {
        totpSecret = pendingTotpSecret;
        pendingTotpSecret = null;
        recoveryCodeHashes.clear();
        recoveryCodeHashes.addAll(event.recoveryCodeHashes());
        usedRecoveryCodes.clear();
        lastTotpTimeStep = Math.max(lastTotpTimeStep, event.totpTimeStep());
    }

    @EventSourcingHandler
    void on(TwoFactorDisabledEvent event) {
        totpSecret = null;
        recoveryCodeHashes.clear();
        usedRecoveryCodes.clear();
        challenges.clear();
    }

    @EventSourcingHandler
    void on(ProfileUpdatedEvent event) {
        firstName = event.firstName();
        lastName = event.lastName();
        language = event.language();
    }

    @EventSourcingHandler
    void on(IdentityDocumentSubmittedEvent event) {
        identityDocument = event.document();
        identityStatus = IdentityStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(IdentityVerifiedEvent event) {
        identityStatus = IdentityStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(UserSuspendedEvent event) {
        status = AccountStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(UserReactivatedEvent event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(RoleGrantedEvent event) {
        roles.add(event.role());
    }

    @EventSourcingHandler
    void on(RoleRevokedEvent event) {
        roles.remove(event.role());
    }
}
