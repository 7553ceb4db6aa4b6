package com.nettoria.coreapi.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** The read model of an account. The identity document number is masked. */
public record UserView(UserId userId, String firstName, String lastName, String email, String mobile,
                       boolean emailVerified, boolean mobileVerified, AccountStatus status, String suspensionReason,
                       Set<Role> roles, boolean twoFactorEnabled, String language, IdentityStatus identityStatus,
                       IdentityDocument.Type identityDocumentType, String identityDocumentNumber,
                       String identityCountry, LocalDate birthDate, Instant registeredAt, Instant lastLoginAt) {

    /** Both contacts proven: the account may order and pay. */
    public boolean contactsVerified() {
        return emailVerified && mobileVerified;
    }
}
