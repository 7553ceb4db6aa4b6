package com.nettoria.command.identity;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.notification.Notifier;
import com.nettoria.coreapi.identity.CodeCheckResult;
import com.nettoria.coreapi.identity.RecoveryCodes;
import com.nettoria.coreapi.identity.DisableTwoFactorCommand;
import com.nettoria.coreapi.identity.ConfirmTwoFactorCommand;
import com.nettoria.coreapi.identity.ChangePasswordCommand;
import com.nettoria.coreapi.identity.CodeDispatch;
import com.nettoria.coreapi.identity.CodePurpose;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.LogInWithCodeCommand;
import com.nettoria.coreapi.identity.LogInWithPasswordCommand;
import com.nettoria.coreapi.identity.LoginResult;
import com.nettoria.coreapi.identity.RegisterUserCommand;
import com.nettoria.coreapi.identity.ResetPasswordCommand;
import com.nettoria.coreapi.identity.SendLoginCodeCommand;
import com.nettoria.coreapi.identity.SendPasswordResetCodeCommand;
import com.nettoria.coreapi.identity.SendVerificationCodeCommand;
import com.nettoria.coreapi.identity.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import static com.nettoria.command.identity.IdentityRules.CODE_DIGITS;

/**
 * The account commands that start from something other than a known account: registration (checks the
 * contacts are free), everything addressed by what a person types at login, and every command that makes a
 * one-time code (only this handler sees the code in clear; it sends it once the events are committed).
 * Answers for unknown accounts look exactly like answers for known ones.
 */
public class AccountCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(AccountCommandHandler.class);

    private final Repository<UserAccount> accounts;
    private final ContactDirectory directory;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SecretCodes codes;
    private final Notifier notifier;
    private final String verificationLinkBase;
    private final Executor delivery;

    /**
     * @param verificationLinkBase where an email verification link points, e.g.
     *                             {@code https://portal.example/api/auth/verify/email/link}
     */
    public AccountCommandHandler(Repository<UserAccount> accounts, ContactDirectory directory, PasswordHasher hasher,
                                 PasswordPolicy policy, SecretCodes codes, Notifier notifier,
                                 String verificationLinkBase) {
        this(accounts, directory, hasher, policy, codes, notifier, verificationLinkBase, Runnable::run);
    }

    /** @param delivery runs message delivery (a thread pool in the application, the caller's thread in tests) */
    public AccountCommandHandler(Repository<UserAccount> accounts, ContactDirectory directory, PasswordHasher hasher,
                                 PasswordPolicy policy, SecretCodes codes, Notifier notifier,
                                 String verificationLinkBase, Executor delivery) {
        this.delivery = delivery;
        this.accounts = accounts;
        this.directory = directory;
        this.hasher = hasher;
        this.policy = policy;
        this.codes = codes;
        this.notifier = notifier;
        this.verificationLinkBase = verificationLinkBase;
    }

    @CommandHandler
    public UserId handle(RegisterUserCommand command) throws Exception {
        policy.weakness(command.password(), UserAccount.personalWords(command.firstName(), command.lastName(),
                command.email(), command.mobile())).ifPresent(weakness -> {
            throw new WeakPasswordException("password", weakness);
        });
        directory.claim(command.userId(), command.email(), command.mobile());
        String hash = hasher.hash(command.password());
        accounts.newInstance(() -> new UserAccount(command.userId(), command.firstName(), command.lastName(),
                command.email(), command.mobile(), hash, command.roles(), command.language()));
        return command.userId();
    }

    /** No code goes to a contact the account lost to a later registration (it belongs to someone else now). */
    @CommandHandler
    public CodeDispatch handle(SendVerificationCodeCommand command) {
        CodePurpose purpose = command.channel() == ContactChannel.EMAIL ? CodePurpose.VERIFY_EMAIL : CodePurpose.VERIFY_MOBILE;
        Aggregate<UserAccount> account = accounts.load(command.userId().value());
        String contact = account.invoke(user -> user.contact(command.channel()));
        if (!directory.holds(command.userId(), contact)) {
            throw new ContactTakenException();
        }
        return issue(account, purpose, command.channel());
    }

    @CommandHandler
    public CodeDispatch handle(SendLoginCodeCommand command) {
        return issueQuietly(command.login(), CodePurpose.LOGIN, command.channel());
    }

    @CommandHandler
    public CodeDispatch handle(SendPasswordResetCodeCommand command) {
        return issueQuietly(command.login(), CodePurpose.PASSWORD_RESET, command.channel());
    }

    @CommandHandler
    public LoginResult handle(LogInWithPasswordCommand command) {
        Optional<UserId> account = directory.find(command.login());
        if (account.isEmpty()) {
            hasher.matchAgainstDummy(command.password());
            return LoginResult.failed();
        }
        return accounts.load(account.get().value())
                .invoke(user -> user.logInWithPassword(command.password(), hasher, codes));
    }

    @CommandHandler
    public LoginResult handle(LogInWithCodeCommand command) {
        Optional<UserId> account = directory.find(command.login());
        if (account.isEmpty()) {
            return LoginResult.failed();
        }
        return accounts.load(account.get().value()).invoke(user -> user.logInWithCode(command.code(), codes));
    }

    /** Only the holder of the right code learns anything about the account (see UserAccount#resetPassword). */
    @CommandHandler
    public CodeCheckResult handle(ResetPasswordCommand command) {
        Optional<UserId> account = directory.find(command.login());
        if (account.isEmpty()) {
            return new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0);
        }
        Aggregate<UserAccount> user = accounts.load(account.get().value());
        CodeCheckResult result = user.invoke(
                u -> u.resetPassword(command.code(), command.newPassword(), hasher, policy, codes));
        if (result.wasAccepted()) {
            notifyOwner(user.invoke(UserAccount::recipient), NotificationTemplate.PASSWORD_CHANGED, Map.of());
        }
        return result;
    }

    @CommandHandler
    public void handle(ChangePasswordCommand command) {
        UserAccount.Recipient owner = accounts.load(command.userId().value())
                .invoke(user -> user.changePassword(command, hasher, policy));
        notifyOwner(owner, NotificationTemplate.PASSWORD_CHANGED, Map.of());
    }

    @CommandHandler
    public RecoveryCodes handle(ConfirmTwoFactorCommand command, TotpAuthenticator totp) {
        Aggregate<UserAccount> user = accounts.load(command.userId().value());
        RecoveryCodes recoveryCodes = user.invoke(u -> u.confirmTwoFactor(command, hasher, totp, codes));
        notifyOwner(user.invoke(UserAccount::recipient), NotificationTemplate.TWO_FACTOR_CHANGED,
                Map.of("state", "enabled"));
        return recoveryCodes;
    }

    @CommandHandler
    public void handle(DisableTwoFactorCommand command, TotpAuthenticator totp) {
        Aggregate<UserAccount> user = accounts.load(command.userId().value());
        user.execute(u -> u.disableTwoFactor(command, hasher, totp, codes));
        notifyOwner(user.invoke(UserAccount::recipient), NotificationTemplate.TWO_FACTOR_CHANGED,
                Map.of("state", "disabled"));
    }

    /** A security notice by email, so that a change the owner did not make does not go unnoticed. */
    private void notifyOwner(UserAccount.Recipient owner, NotificationTemplate template, Map<String, String> parameters) {
        afterCommit(new Notification(ContactChannel.EMAIL, owner.email(), owner.name(), owner.language(), template,
                parameters));
    }

    /** Login and reset codes: no answer tells whether the account exists, is verified or just got a code. */
    private CodeDispatch issueQuietly(String login, CodePurpose purpose, ContactChannel channel) {
        Instant now = now();
        CodeDispatch pretended = new CodeDispatch(now.plus(IdentityRules.CODE_TTL),
                now.plus(IdentityRules.CODE_RESEND_COOLDOWN));
        Optional<UserId> account = directory.find(login);
        if (account.isEmpty()) {
            return pretended;
        }
        try {
            return issue(accounts.load(account.get().value()), purpose, channel);
        } catch (ContactNotVerifiedException | CodeResendTooSoonException e) {
            log.info("No {} code sent to account {}: {}", purpose, account.get(), e.getMessage());
            return pretended;
        }
    }

    private CodeDispatch issue(Aggregate<UserAccount> account, CodePurpose purpose, ContactChannel channel) {
        String code = codes.newNumericCode(CODE_DIGITS);
        UserAccount.IssuedCode issued = account.invoke(
                user -> user.issueCode(purpose, channel, codes.newToken(), codes.hash(code), now()));
        afterCommit(notification(account.identifierAsString(), issued, code));
        return new CodeDispatch(issued.expiresAt(), issued.resendAllowedAt());
    }

    /**
     * Hands the message to {@code delivery} once the events are committed (never for a rolled-back command).
     * Delivery does not hold up the answer: a code request answers as fast whether or not a message goes out.
     */
    private void afterCommit(Notification notification) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> deliver(notification));
        } else {
            deliver(notification);
        }
    }

    private void deliver(Notification notification) {
        try {
            delivery.execute(() -> send(notification));
        } catch (RuntimeException e) {
            log.error("Could not queue {}: {}", notification, e.getMessage(), e);
        }
    }

    private Notification notification(String userId, UserAccount.IssuedCode issued, String code) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("code", code);
        parameters.put("minutes", Long.toString(IdentityRules.CODE_TTL.toMinutes()));
        NotificationTemplate template = switch (issued.purpose()) {
            case VERIFY_EMAIL -> NotificationTemplate.VERIFY_EMAIL;
            case VERIFY_MOBILE -> NotificationTemplate.VERIFY_MOBILE;
            case LOGIN -> NotificationTemplate.LOGIN_CODE;
            case PASSWORD_RESET -> NotificationTemplate.PASSWORD_RESET_CODE;
        };
        if (template == NotificationTemplate.VERIFY_EMAIL) {
            parameters.put("link", verificationLinkBase + "?userId=" + userId + "&code=" + code);
        }
        return new Notification(issued.channel(), issued.recipient(), issued.recipientName(), issued.language(),
                template, parameters);
    }

    /** A code that cannot be delivered can be asked for again after the cooldown; the failure is logged. */
    private void send(Notification notification) {
        try {
            notifier.send(notification);
        } catch (RuntimeException e) {
            log.error("Could not send {}: {}", notification, e.getMessage(), e);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
