package com.nettoria.command.identity;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.notification.Notifier;
import com.nettoria.coreapi.identity.CodeCheckResult;
import com.nettoria.coreapi.identity.CodeDispatch;
import com.nettoria.coreapi.identity.CodePurpose;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.MobileNumber;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * @param verificationLinkBase where an email verification link points, e.g.
     *                             {@code https://portal.example/api/auth/verify/email/link}
     */
    public AccountCommandHandler(Repository<UserAccount> accounts, ContactDirectory directory, PasswordHasher hasher,
                                 PasswordPolicy policy, SecretCodes codes, Notifier notifier,
                                 String verificationLinkBase) {
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

    @CommandHandler
    public CodeDispatch handle(SendVerificationCodeCommand command) {
        CodePurpose purpose = command.channel() == ContactChannel.EMAIL ? CodePurpose.VERIFY_EMAIL : CodePurpose.VERIFY_MOBILE;
        return issue(accounts.load(command.userId().value()), purpose, command.channel());
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

    @CommandHandler
    public CodeCheckResult handle(ResetPasswordCommand command) {
        Optional<UserId> account = directory.find(command.login());
        if (account.isEmpty()) {
            // the same refusal a known account would give for a password built from its own login
            policy.weakness(command.newPassword(), loginWords(command.login())).ifPresent(weakness -> {
                throw new WeakPasswordException("newPassword", weakness);
            });
            return new CodeCheckResult(CodeCheckResult.Outcome.NO_CODE, 0);
        }
        return accounts.load(account.get().value())
                .invoke(user -> user.resetPassword(command.code(), command.newPassword(), hasher, policy, codes));
    }

    private static List<String> loginWords(String login) {
        try {
            return login.contains("@")
                    ? UserAccount.personalWords(null, null, EmailAddress.parse(login), null)
                    : UserAccount.personalWords(null, null, null, MobileNumber.parse(login));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
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
        Notification notification = notification(account.identifierAsString(), issued, code);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> send(notification)));
        if (!CurrentUnitOfWork.isStarted()) {
            send(notification);
        }
        return new CodeDispatch(issued.expiresAt(), issued.resendAllowedAt());
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
