package com.nettoria.ui.identity;

import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.identity.ChangePasswordCommand;
import com.nettoria.coreapi.identity.CodeCheckResult;
import com.nettoria.coreapi.identity.CodeDispatch;
import com.nettoria.coreapi.identity.CompleteSecondFactorCommand;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.LogInWithCodeCommand;
import com.nettoria.coreapi.identity.LogInWithPasswordCommand;
import com.nettoria.coreapi.identity.LoginResult;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.RefreshResult;
import com.nettoria.coreapi.identity.RefreshSessionCommand;
import com.nettoria.coreapi.identity.RefreshToken;
import com.nettoria.coreapi.identity.RegisterUserCommand;
import com.nettoria.coreapi.identity.ResetPasswordCommand;
import com.nettoria.coreapi.identity.RevokeSessionCommand;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.Secret;
import com.nettoria.coreapi.identity.SendLoginCodeCommand;
import com.nettoria.coreapi.identity.SendPasswordResetCodeCommand;
import com.nettoria.coreapi.identity.SendVerificationCodeCommand;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.VerifyContactCommand;
import com.nettoria.ui.identity.IdentityApi.ChangePasswordRequest;
import com.nettoria.ui.identity.IdentityApi.CodeLoginRequest;
import com.nettoria.ui.identity.IdentityApi.CodeRequest;
import com.nettoria.ui.identity.IdentityApi.CodeSentResponse;
import com.nettoria.ui.identity.IdentityApi.LoginRequest;
import com.nettoria.ui.identity.IdentityApi.RefreshRequest;
import com.nettoria.ui.identity.IdentityApi.RegisterRequest;
import com.nettoria.ui.identity.IdentityApi.RegistrationResponse;
import com.nettoria.ui.identity.IdentityApi.ResetPasswordRequest;
import com.nettoria.ui.identity.IdentityApi.SecondFactorRequest;
import com.nettoria.ui.identity.IdentityApi.TokenResponse;
import com.nettoria.ui.identity.IdentityApi.VerificationCodeRequest;
import com.nettoria.ui.security.ratelimit.RateLimiter;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.BusinessErrors;
import com.nettoria.ui.web.ReadModelWaiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registration, verification, login (password, one-time code, second factor), token refresh, logout and
 * password recovery (seed-compatible {@code /api/auth/register} and {@code /api/auth/login}). Anonymous
 * answers never tell whether an account exists beyond what registration itself must say.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication", description = "Registration, verification, login, tokens, password recovery")
public class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final IdentityRequests requests;
    private final SessionTokens tokens;
    private final RateLimiter limits;
    private final QueryGateway queries;
    private final ReadModelWaiter readModel;
    private final SessionReadModel sessions;

    public AuthController(IdentityRequests requests, SessionTokens tokens, RateLimiter limits, QueryGateway queries,
                          ReadModelWaiter readModel, SessionReadModel sessions) {
        this.sessions = sessions;
        this.requests = requests;
        this.tokens = tokens;
        this.limits = limits;
        this.queries = queries;
        this.readModel = readModel;
    }

    // ------------------------------------------------------------------ registration and verification

    @PostMapping("/register")
    @Operation(summary = "Register a customer account; codes to verify the email and the mobile are sent at once",
            description = "Answers 201 with the account and a signed-in session. A taken email or mobile is a 409 "
                    + "that does not say which of the two.")
    public ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegisterRequest body,
                                                         HttpServletRequest request) {
        limits.consume(RateLimits.REGISTRATION_PER_IP, IdentityRequests.clientKey(request));
        EmailAddress email = EmailAddress.parse(body.email());
        MobileNumber mobile = MobileNumber.parse(body.mobile());
        UserId userId = UserId.random();
        String language = body.language() == null ? "fa" : body.language();
        requests.anonymous(new RegisterUserCommand(userId, body.firstName().strip(), body.lastName().strip(), email,
                mobile, new Secret(body.password()), EnumSet.of(Role.CUSTOMER), language), request);
        Map<String, java.time.Instant> expiries = new LinkedHashMap<>();
        for (ContactChannel channel : ContactChannel.values()) {
            try {
                CodeDispatch sent = requests.anonymous(new SendVerificationCodeCommand(userId, channel), request);
                expiries.put(channel == ContactChannel.EMAIL ? "email" : "mobile", sent.expiresAt());
            } catch (CommandExecutionException e) {
                log.warn("Registration of {}: the {} verification code was not sent: {}", userId, channel, e.getMessage());
            }
        }
        LoginResult login = requests.anonymous(new LogInWithPasswordCommand(email.value(), new Secret(body.password())),
                request);
        TokenResponse session = tokens.answer(login);
        readModel.await(() -> ProfileController.find(queries, userId));
        return ResponseEntity.created(URI.create("/api/profile")).body(new RegistrationResponse(userId.value(),
                email.value(), mobile.value(), false, false, session, expiries));
    }

    @PostMapping("/verify/{channel}/send")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Send a new verification code to my email (channel 'email') or mobile ('mobile')")
    public ResponseEntity<CodeSentResponse> sendVerificationCode(@AuthenticationPrincipal Jwt caller,
                                                                 @PathVariable String channel,
                                                                 HttpServletRequest request) {
        limits.consume(RateLimits.CODE_SEND_PER_ACCOUNT, caller.getSubject());
        CodeDispatch sent = withResendCooldown(() -> requests.as(caller,
                new SendVerificationCodeCommand(IdentityRequests.userOf(caller), channel(channel)), request));
        return ResponseEntity.accepted().body(new CodeSentResponse("SENT", sent.expiresAt(), sent.resendAllowedAt()));
    }

    @PostMapping("/verify/{channel}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Verify my email ('email') or mobile ('mobile') with the code sent to it")
    public Map<String, Object> verify(@AuthenticationPrincipal Jwt caller, @PathVariable String channel,
                                      @Valid @RequestBody VerificationCodeRequest body, HttpServletRequest request) {
        limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT, caller.getSubject());
        ContactChannel contact = channel(channel);
        CodeCheckResult result = requests.as(caller,
                new VerifyContactCommand(IdentityRequests.userOf(caller), contact, new Secret(body.code())), request);
        requireAccepted(result, "code");
        // read-your-writes: the profile read right after this answer already shows the contact verified
        readModel.await(() -> ProfileController.find(queries, IdentityRequests.userOf(caller))
                .filter(user -> contact == ContactChannel.EMAIL ? user.emailVerified() : user.mobileVerified()));
        return Map.of("verified", contact == ContactChannel.EMAIL ? "email" : "mobile");
    }

    @GetMapping(value = "/verify/email/link", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The link in the verification email: verifies the email address without signing in")
    public ResponseEntity<String> verifyEmailLink(@RequestParam String userId, @RequestParam String code,
                                                  HttpServletRequest request) {
        limits.consume(RateLimits.RECOVERY_PER_IP, IdentityRequests.clientKey(request));
        boolean verified = false;
        Optional<UserId> user = uuid(userId).map(UserId::new);
        if (user.isPresent() && code.length() <= 12) {
            limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT, IdentityRequests.accountFromAddress(userId, request));
            try {
                CodeCheckResult result = requests.anonymous(
                        new VerifyContactCommand(user.get(), ContactChannel.EMAIL, new Secret(code)), request);
                verified = result.wasAccepted();
            } catch (CommandExecutionException e) {
                verified = BusinessErrors.hasCode(e, ErrorCodes.ALREADY_VERIFIED);
                if (!verified && BusinessErrors.of(e).isEmpty()) {
                    throw e;
                }
            }
        }
        String message = verified ? "Your email address is verified. / نشانی ایمیل شما تأیید شد."
                : "This link is not valid any more; ask for a new code. / این پیوند دیگر معتبر نیست؛ کد تازه بخواهید.";
        return ResponseEntity.status(verified ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html><head><meta charset=\"utf-8\"><title>Nettoria</title></head><body><p>"
                        + message + "</p></body></html>");
    }

    // ------------------------------------------------------------------ login

    @PostMapping("/login")
    @Operation(summary = "Log in with email or mobile and password",
            description = "200 with tokens, or 200 with status SECOND_FACTOR_REQUIRED and a challenge for "
                    + "/api/auth/login/2fa. A wrong login or password is one 401 for known and unknown accounts. "
                    + "Too many attempts per account or address: 429 with Retry-After.")
    public TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        String account = normalizedLogin(body.login());
        limits.consume(RateLimits.LOGIN_PER_IP, IdentityRequests.clientKey(request));
        String key = accountKey(account);
        limits.consume(RateLimits.LOGIN_PER_ACCOUNT, IdentityRequests.accountFromAddress(key, request));
        limits.consume(RateLimits.ACCOUNT_ANY_ADDRESS, key);
        LoginResult result = requests.anonymous(new LogInWithPasswordCommand(account, new Secret(body.password())),
                request);
        return answerLogin(result, IdentityRequests.accountFromAddress(key, request));
    }

    @PostMapping("/login/2fa")
    @Operation(summary = "Complete a login with a TOTP code or a recovery code")
    public TokenResponse completeSecondFactor(@Valid @RequestBody SecondFactorRequest body, HttpServletRequest request) {
        SessionTokens.Challenge challenge = SessionTokens.Challenge.parse(body.challenge())
                .orElseThrow(() -> invalidCredentials("the challenge is not valid; log in again"));
        limits.consume(RateLimits.LOGIN_PER_IP, IdentityRequests.clientKey(request));
        limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT,
                IdentityRequests.accountFromAddress(challenge.userId().value(), request));
        limits.consume(RateLimits.ACCOUNT_ANY_ADDRESS, challenge.userId().value());
        LoginResult result = anonymousAccountCommand(new CompleteSecondFactorCommand(challenge.userId(),
                challenge.challengeId(), new Secret(body.code())), request,
                () -> invalidCredentials("the challenge is not valid; log in again"));
        // the password step counted against the account (keyed by its id when known): a completed login resets it
        return answerLogin(result, IdentityRequests.accountFromAddress(challenge.userId().value(), request));
    }

    @PostMapping("/login/code/send")
    @Operation(summary = "Send a one-time login code to my verified email or mobile",
            description = "Always 202 with the same body, whether or not the account exists.")
    public ResponseEntity<CodeSentResponse> sendLoginCode(@Valid @RequestBody CodeRequest body,
                                                          HttpServletRequest request) {
        return sendCodeQuietly(body.login(), account -> new SendLoginCodeCommand(account, body.channel()), request);
    }

    @PostMapping("/login/code")
    @Operation(summary = "Log in with a one-time code")
    public TokenResponse loginWithCode(@Valid @RequestBody CodeLoginRequest body, HttpServletRequest request) {
        String account = normalizedLogin(body.login());
        limits.consume(RateLimits.LOGIN_PER_IP, IdentityRequests.clientKey(request));
        String key = accountKey(account);
        limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT, IdentityRequests.accountFromAddress(key, request));
        limits.consume(RateLimits.ACCOUNT_ANY_ADDRESS, key);
        LoginResult result = requests.anonymous(new LogInWithCodeCommand(account, new Secret(body.code())), request);
        return answerLogin(result, null);
    }

    @PostMapping("/token/refresh")
    @Operation(summary = "Trade a refresh token for a new access token and a new refresh token",
            description = "Refresh tokens rotate: each works once. Presenting one that was already used ends the "
                    + "whole session (someone else may hold a copy).")
    public TokenResponse refresh(@Valid @RequestBody RefreshRequest body, HttpServletRequest request) {
        limits.consume(RateLimits.LOGIN_PER_IP, IdentityRequests.clientKey(request));
        RefreshToken token = RefreshToken.parse(body.refreshToken())
                .orElseThrow(() -> invalidRefreshToken("the refresh token is not valid"));
        RefreshResult result = anonymousAccountCommand(new RefreshSessionCommand(token.userId(), token.sessionId(),
                new Secret(token.secret())), request, () -> invalidRefreshToken("the refresh token is not valid"));
        return switch (result.outcome()) {
            case REFRESHED -> tokens.issue(result.userId(), result.roles(), result.sessionId(), result.refreshToken());
            case REUSE_DETECTED -> throw invalidRefreshToken(
                    "this refresh token was already used; the session was ended to protect the account");
            case SESSION_ENDED -> throw invalidRefreshToken("the session has ended; log in again");
            case INVALID_TOKEN -> throw invalidRefreshToken("the refresh token is not valid");
        };
    }

    @PostMapping("/logout")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "End my current session (its refresh token and access tokens stop working)")
    public ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        requests.as(caller, new RevokeSessionCommand(IdentityRequests.userOf(caller), IdentityRequests.sessionOf(caller),
                SessionRevocationReason.LOGOUT), request);
        sessions.awaitEnded(IdentityRequests.userOf(caller), IdentityRequests.sessionOf(caller));
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------ passwords

    @PostMapping("/password/forgot")
    @Operation(summary = "Send a password reset code by email or SMS",
            description = "Always 202 with the same body, whether or not the account exists.")
    public ResponseEntity<CodeSentResponse> forgotPassword(@Valid @RequestBody CodeRequest body,
                                                           HttpServletRequest request) {
        return sendCodeQuietly(body.login(), account -> new SendPasswordResetCodeCommand(account, body.channel()),
                request);
    }

    @PostMapping("/password/reset")
    @Operation(summary = "Set a new password with a reset code; every session of the account ends")
    public ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetPasswordRequest body,
                                              HttpServletRequest request) {
        String account = normalizedLogin(body.login());
        limits.consume(RateLimits.RECOVERY_PER_IP, IdentityRequests.clientKey(request));
        String resetKey = accountKey(account);
        limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT, IdentityRequests.accountFromAddress(resetKey, request));
        limits.consume(RateLimits.ACCOUNT_ANY_ADDRESS, resetKey);
        CodeCheckResult result = requests.anonymous(new ResetPasswordCommand(account, new Secret(body.code()),
                new Secret(body.newPassword())), request);
        if (!result.wasAccepted()) {
            // one answer for every refusal: no tries left, no reason, nothing that tells whether the account exists
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCodes.INVALID_CODE, "Invalid code",
                    "the code is not right, has expired or was not asked for", "code", Map.of());
        }
        limits.reset(RateLimits.LOGIN_PER_ACCOUNT, IdentityRequests.accountFromAddress(resetKey, request));
        sessions.accountOf(account).ifPresent(user -> sessions.awaitAllEndedBut(user, null));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/password/change")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Change my password (needs the current one); my other sessions end")
    public ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt caller,
                                               @Valid @RequestBody ChangePasswordRequest body,
                                               HttpServletRequest request) {
        limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT, caller.getSubject());
        requests.as(caller, new ChangePasswordCommand(IdentityRequests.userOf(caller), new Secret(body.currentPassword()),
                new Secret(body.newPassword()), IdentityRequests.sessionOf(caller)), request);
        sessions.awaitAllEndedBut(IdentityRequests.userOf(caller), IdentityRequests.sessionOf(caller));
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------ helpers

    /** A code to whoever holds {@code login}, if anyone: the same 202 whether or not the account exists. */
    private ResponseEntity<CodeSentResponse> sendCodeQuietly(String login,
                                                             java.util.function.Function<String, Object> command,
                                                             HttpServletRequest request) {
        String account = normalizedLogin(login);
        limits.consume(RateLimits.RECOVERY_PER_IP, IdentityRequests.clientKey(request));
        limits.consume(RateLimits.CODE_SEND_PER_ACCOUNT, accountKey(account));
        CodeDispatch sent = requests.anonymous(command.apply(account), request);
        return ResponseEntity.accepted().body(new CodeSentResponse("SENT_IF_ACCOUNT_EXISTS", sent.expiresAt(),
                sent.resendAllowedAt()));
    }

    private TokenResponse answerLogin(LoginResult result, String account) {
        if (result.outcome() == LoginResult.Outcome.SUCCEEDED && account != null) {
            limits.reset(RateLimits.LOGIN_PER_ACCOUNT, account);
        }
        return switch (result.outcome()) {
            case SUCCEEDED, SECOND_FACTOR_REQUIRED -> tokens.answer(result);
            case ACCOUNT_SUSPENDED -> throw new ApiProblem(HttpStatus.FORBIDDEN, ErrorCodes.ACCOUNT_SUSPENDED,
                    "Account suspended", "this account is suspended; contact support", null, Map.of());
            case FAILED -> throw invalidCredentials("the login or the password (or code) is not right");
        };
    }

    /**
     * The rate-limit key of an account: its id when the read model knows the login, so that its email and its
     * mobile count as one; otherwise the normalized login itself.
     */
    private String accountKey(String normalizedLogin) {
        return sessions.accountOf(normalizedLogin).map(UserId::value).orElse(normalizedLogin);
    }

    /** The same key for every spelling of one account, so rate limits cannot be dodged by re-spelling. */
    static String normalizedLogin(String login) {
        String trimmed = login.strip();
        try {
            return trimmed.contains("@") ? EmailAddress.parse(trimmed).value() : MobileNumber.parse(trimmed).value();
        } catch (IllegalArgumentException e) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }

    private static ContactChannel channel(String channel) {
        return switch (channel.toLowerCase(Locale.ROOT)) {
            case "email" -> ContactChannel.EMAIL;
            case "mobile", "sms", "phone" -> ContactChannel.SMS;
            default -> throw ApiProblem.badRequest("channel", "must be 'email' or 'mobile'");
        };
    }

    private static void requireAccepted(CodeCheckResult result, String field) {
        if (!result.wasAccepted()) {
            String detail = switch (result.outcome()) {
                case EXPIRED -> "the code has expired; ask for a new one";
                case NO_CODE -> "no code is waiting; ask for one";
                case TOO_MANY_ATTEMPTS -> "too many wrong codes; ask for a new one";
                default -> "the code is not right";
            };
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCodes.INVALID_CODE, "Invalid code", detail,
                    field, Map.of("reason", result.outcome().name(), "attemptsLeft", result.attemptsLeft()));
        }
    }

    /** A code asked for within the cooldown of the previous one: 429 with Retry-After. */
    private static CodeDispatch withResendCooldown(java.util.function.Supplier<CodeDispatch> send) {
        try {
            return send.get();
        } catch (CommandExecutionException e) {
            if (BusinessErrors.hasCode(e, ErrorCodes.CODE_RESEND_TOO_SOON)) {
                String seconds = BusinessErrors.of(e).map(error -> error.context().get("retryAfterSeconds")).orElse("60");
                throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.CODE_RESEND_TOO_SOON,
                        "Too soon", e.getMessage(), "channel", Map.of("retryAfterSeconds", Long.parseLong(seconds)));
            }
            throw e;
        }
    }

    /**
     * An anonymous command addressed to an account id taken from the request (a refresh token, a challenge): an
     * unknown account is answered like any other invalid credential, so ids cannot be probed.
     */
    private <R> R anonymousAccountCommand(Object command, HttpServletRequest request,
                                          java.util.function.Supplier<ApiProblem> refusal) {
        try {
            return requests.anonymous(command, request);
        } catch (CommandExecutionException e) {
            if (BusinessErrors.hasCode(e, ErrorCodes.NOT_FOUND)) {
                throw refusal.get();
            }
            throw e;
        }
    }

    private static Optional<String> uuid(String value) {
        try {
            return Optional.of(java.util.UUID.fromString(value).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ApiProblem invalidCredentials(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "identity.invalid-credentials", "Login failed", detail, null,
                Map.of());
    }

    private static ApiProblem invalidRefreshToken(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "identity.invalid-refresh-token", "Invalid refresh token",
                detail, "refreshToken", Map.of());
    }
}
