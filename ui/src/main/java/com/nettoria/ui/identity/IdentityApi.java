package com.nettoria.ui.identity;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.ActivityView;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.IdentityDocument;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.SessionView;
import com.nettoria.coreapi.identity.UserView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The request and response bodies of the identity API. */
public final class IdentityApi {

    private IdentityApi() {
    }

    static final String NAME = "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'\u200c-]*$";

    public record RegisterRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String lastName,
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 32) @JsonAlias({"phone", "phoneNumber", "mobileNumber"}) String mobile,
            @NotBlank @Size(max = 1024) String password,
            @Pattern(regexp = "fa|en", message = "must be fa or en") String language) {

        @Override
        public String toString() {
            return "RegisterRequest[" + email + "]";
        }
    }

    public record LoginRequest(
            @NotBlank @Size(max = 254) @JsonAlias({"email", "mobile", "phone", "username"}) String login,
            @NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "LoginRequest[" + login + "]";
        }
    }

    public record SecondFactorRequest(@NotBlank @Size(max = 300) String challenge,
                                      @NotBlank @Size(max = 40) String code) {
    }

    public record CodeRequest(@NotBlank @Size(max = 254) @JsonAlias({"email", "mobile", "phone"}) String login,
                              @NotNull ContactChannel channel) {
    }

    public record CodeLoginRequest(@NotBlank @Size(max = 254) @JsonAlias({"email", "mobile", "phone"}) String login,
                                   @NotBlank @Size(max = 12) String code) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 300) String refreshToken) {
    }

    public record VerificationCodeRequest(@NotBlank @Size(max = 12) String code) {
    }

    public record ResetPasswordRequest(@NotBlank @Size(max = 254) @JsonAlias({"email", "mobile", "phone"}) String login,
                                       @NotBlank @Size(max = 12) String code,
                                       @NotBlank @Size(max = 1024) String newPassword) {
    }

    public record ChangePasswordRequest(@NotBlank @Size(max = 1024) String currentPassword,
                                        @NotBlank @Size(max = 1024) String newPassword) {
    }

    public record TwoFactorCodeRequest(@NotBlank @Size(max = 1024) String password,
                                       @NotBlank @Size(max = 40) String code) {
    }

    public record DisableTwoFactorRequest(@NotBlank @Size(max = 1024) String password,
                                          @NotBlank @Size(max = 40) String code) {
    }

    public record ProfileRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be a name") String lastName,
            @Pattern(regexp = "fa|en", message = "must be fa or en") String language) {
    }

    @Schema(description = "An Iranian national code (type NATIONAL_CODE) or a passport (type PASSPORT), with the birth date")
    public record IdentityRequest(@NotNull IdentityDocument.Type type,
                                  @Size(max = 20) String nationalCode,
                                  @Size(max = 20) String passportNumber,
                                  @Size(max = 2) String country,
                                  @NotNull LocalDate birthDate) {
    }

    public record SuspendRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record RoleRequest(@NotNull Role role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenResponse(String status, String accessToken, String tokenType, Long expiresIn,
                                String refreshToken, String userId, Set<Role> roles, String challenge,
                                Instant challengeExpiresAt) {

        static TokenResponse tokens(String accessToken, long expiresIn, String refreshToken, String userId,
                                    Set<Role> roles) {
            return new TokenResponse("AUTHENTICATED", accessToken, "Bearer", expiresIn, refreshToken, userId, roles,
                    null, null);
        }

        static TokenResponse secondFactor(String challenge) {
            return new TokenResponse("SECOND_FACTOR_REQUIRED", null, null, null, null, null, null, challenge, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegistrationResponse(String userId, String email, String mobile, boolean emailVerified,
                                       boolean mobileVerified, TokenResponse tokens,
                                       Map<String, Instant> verificationCodesExpireAt) {
    }

    public record CodeSentResponse(String status, Instant expiresAt, Instant resendAllowedAt) {
    }

    public record TwoFactorSetupResponse(String secret, String otpauthUri, String qrImage) {
    }

    public record RecoveryCodesResponse(List<String> recoveryCodes) {
    }

    public record RevokedResponse(int revoked) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProfileResponse(String userId, String firstName, String lastName, String email, String mobile,
                                  boolean emailVerified, boolean mobileVerified, AccountStatus status,
                                  String suspensionReason, Set<Role> roles, boolean twoFactorEnabled,
                                  String language, IdentityStatus identityStatus, IdentityDocument.Type identityDocumentType,
                                  String identityDocumentNumber, String identityCountry, LocalDate birthDate,
                                  Instant registeredAt, Instant lastLoginAt, boolean canOrder,
                                  List<String> missingForOrdering) {

        static ProfileResponse of(UserView user) {
            List<String> missing = new ArrayList<>();
            if (!user.emailVerified()) {
                missing.add("email-verification");
            }
            if (!user.mobileVerified()) {
                missing.add("mobile-verification");
            }
            if (user.identityStatus() == IdentityStatus.NONE) {
                missing.add("identity-document");
            }
            if (user.status() != AccountStatus.ACTIVE) {
                missing.add("active-account");
            }
            return new ProfileResponse(user.userId().value(), user.firstName(), user.lastName(), user.email(),
                    user.mobile(), user.emailVerified(), user.mobileVerified(), user.status(),
                    user.suspensionReason(), user.roles(), user.twoFactorEnabled(), user.language(),
                    user.identityStatus(), user.identityDocumentType(), user.identityDocumentNumber(),
                    user.identityCountry(), user.birthDate(), user.registeredAt(), user.lastLoginAt(),
                    missing.isEmpty(), List.copyOf(missing));
        }
    }

    public record SessionResponse(String sessionId, String method, String clientAddress, String userAgent,
                                  Instant createdAt, Instant lastUsedAt, String lastClientAddress,
                                  Instant expiresAt, boolean current) {

        static SessionResponse of(SessionView session, String currentSessionId) {
            return new SessionResponse(session.sessionId().value(),
                    session.method() == null ? null : session.method().name(), session.clientAddress(),
                    session.userAgent(), session.createdAt(), session.lastUsedAt(), session.lastClientAddress(),
                    session.expiresAt(), session.sessionId().value().equals(currentSessionId));
        }
    }

    public record ActivityResponse(String type, Map<String, String> details, Instant at, String clientAddress,
                                   String userAgent, String actorId) {

        static ActivityResponse of(ActivityView activity) {
            return new ActivityResponse(activity.type(), activity.details(), activity.at(), activity.clientAddress(),
                    activity.userAgent(), activity.actorId());
        }
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }
}
