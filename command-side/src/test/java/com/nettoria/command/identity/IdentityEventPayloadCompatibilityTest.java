package com.nettoria.command.identity;

import com.nettoria.command.common.StoredEventPayloads;
import com.nettoria.coreapi.identity.CodePurpose;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.EmailVerifiedEvent;
import com.nettoria.coreapi.identity.IdentityDocument;
import com.nettoria.coreapi.identity.IdentityDocumentSubmittedEvent;
import com.nettoria.coreapi.identity.IdentityVerifiedEvent;
import com.nettoria.coreapi.identity.LoginFailedEvent;
import com.nettoria.coreapi.identity.LoginFailureReason;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
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
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.coreapi.identity.UserSuspendedEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept forever: the account events as the event store holds them since v1 must still deserialize to
 * the same values, and today's events must serialize to exactly the same fields (no accidental property such as
 * a getter leaking into the stored payload). Changing an event means a {@code @Revision} and an upcaster, never
 * editing this file. (Sets of roles hold one role here: a set's order in JSON is not fixed.)
 */
class IdentityEventPayloadCompatibilityTest {

    private static final UserId USER = new UserId("5b3e9a7c-1d2f-4e6a-8b9c-0d1e2f3a4b5c");
    private static final SessionId SESSION = new SessionId("0c9d8e7f-6a5b-4c3d-9e1f-0a9b8c7d6e5f");
    private static final EmailAddress EMAIL = new EmailAddress("sara@example.com");
    private static final MobileNumber MOBILE = new MobileNumber("+989121234567");
    private static final LocalDate BIRTH_DATE = LocalDate.of(1990, 5, 17);

    private static final StoredEventPayloads STORED = new StoredEventPayloads("/events/identity-events-v1.json");

    private static final Map<Class<?>, Object> EXPECTED = Map.ofEntries(
            entry(UserRegisteredEvent.class, new UserRegisteredEvent(USER, "Sara", "Rahimi", EMAIL, MOBILE,
                    "{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g", Set.of(Role.CUSTOMER), "fa")),
            entry(OneTimeCodeIssuedEvent.class, new OneTimeCodeIssuedEvent(USER, "k3Jx9QmZ", CodePurpose.VERIFY_EMAIL,
                    ContactChannel.EMAIL, "9f2c4e1a", Instant.parse("2025-03-01T10:10:00Z"), 5)),
            entry(OneTimeCodeRejectedEvent.class, new OneTimeCodeRejectedEvent(USER, "k3Jx9QmZ",
                    CodePurpose.VERIFY_EMAIL, 4)),
            entry(OneTimeCodeConsumedEvent.class, new OneTimeCodeConsumedEvent(USER, "k3Jx9QmZ",
                    CodePurpose.PASSWORD_RESET)),
            entry(EmailVerifiedEvent.class, new EmailVerifiedEvent(USER, EMAIL)),
            entry(MobileVerifiedEvent.class, new MobileVerifiedEvent(USER, MOBILE)),
            entry(LoginFailedEvent.class, new LoginFailedEvent(USER, LoginFailureReason.WRONG_PASSWORD, 2)),
            entry(LoginSucceededEvent.class, new LoginSucceededEvent(USER, SESSION, LoginMethod.PASSWORD_AND_TOTP,
                    "4b7d0e2f", Instant.parse("2025-03-31T10:00:00Z"), 58027440L)),
            entry(SecondFactorRequestedEvent.class, new SecondFactorRequestedEvent(USER, "Wq7pL2vN",
                    Instant.parse("2025-03-01T10:05:00Z"))),
            entry(RecoveryCodeUsedEvent.class, new RecoveryCodeUsedEvent(USER, 3)),
            entry(SessionRefreshedEvent.class, new SessionRefreshedEvent(USER, SESSION, "6c1e3a9d", "4b7d0e2f")),
            entry(SessionRevokedEvent.class, new SessionRevokedEvent(USER, SESSION,
                    SessionRevocationReason.REFRESH_TOKEN_REUSED)),
            entry(PasswordChangedEvent.class, new PasswordChangedEvent(USER,
                    "{argon2}$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA")),
            entry(PasswordResetEvent.class, new PasswordResetEvent(USER,
                    "{argon2}$argon2id$v=19$m=19456,t=2,p=1$cmVzZXQ$cmVzZXRoYXNo", ContactChannel.SMS)),
            entry(TwoFactorSetupStartedEvent.class, new TwoFactorSetupStartedEvent(USER, "v1.3q2-7w9F0aA8mJz4N1kR5tYbQe0x")),
            entry(TwoFactorEnabledEvent.class, new TwoFactorEnabledEvent(USER, List.of("a1b2c3", "d4e5f6"),
                    58027440L)),
            entry(TwoFactorDisabledEvent.class, new TwoFactorDisabledEvent(USER)),
            entry(ProfileUpdatedEvent.class, new ProfileUpdatedEvent(USER, "Sara", "Rahimi-Tehrani", "en")),
            entry(IdentityDocumentSubmittedEvent.class, new IdentityDocumentSubmittedEvent(USER,
                    IdentityDocument.iranian("0123456789", BIRTH_DATE))),
            entry(IdentityVerifiedEvent.class, new IdentityVerifiedEvent(USER,
                    IdentityDocument.passport("X1234567", "DE", BIRTH_DATE))),
            entry(UserSuspendedEvent.class, new UserSuspendedEvent(USER, "chargeback")),
            entry(UserReactivatedEvent.class, new UserReactivatedEvent(USER)),
            entry(RoleGrantedEvent.class, new RoleGrantedEvent(USER, Role.ADMIN)),
            entry(RoleRevokedEvent.class, new RoleRevokedEvent(USER, Role.SUPPORT)));

    @Test
    void storedV1PayloadsStillDeserializeToTheSameEvents() throws IOException {
        STORED.assertStoredPayloadsDeserializeTo(EXPECTED);
    }

    @Test
    void todaysEventsSerializeToExactlyTheStoredFields() throws IOException {
        STORED.assertEventsSerializeToStoredPayloads(EXPECTED);
    }

    @Test
    void everyEventTheAccountAppliesIsCoveredHere() {
        assertThat(STORED.stored().size()).isEqualTo(EXPECTED.size());
        EXPECTED.keySet().forEach(type -> assertThat(STORED.stored().has(type.getName())).as(type.getName()).isTrue());
    }

    @Test
    void unknownFieldsAddedByALaterVersionAreIgnoredWhenReading() throws IOException {
        String json = "{\"userId\":{\"value\":\"u\"},\"reason\":\"WRONG_CODE\",\"consecutiveFailures\":1,"
                + "\"clientAddress\":\"192.0.2.1\"}";
        Object event = STORED.read(LoginFailedEvent.class, json);
        assertThat(event).isEqualTo(new LoginFailedEvent(new UserId("u"), LoginFailureReason.WRONG_CODE, 1));
    }
}
