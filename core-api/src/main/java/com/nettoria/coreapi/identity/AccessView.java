package com.nettoria.coreapi.identity;

import java.util.Set;

/**
 * {@code known}: the account is in the read model (a token may be newer than the projection: unknown is not a
 * refusal). {@code sessionRevoked}: the token's session ended. Roles are the account's current roles.
 */
public record AccessView(boolean known, boolean sessionRevoked, AccountStatus status, Set<Role> roles,
                         boolean contactsVerified, IdentityStatus identityStatus) {

    public static AccessView unknown() {
        return new AccessView(false, false, AccountStatus.ACTIVE, Set.of(), false, IdentityStatus.NONE);
    }
}
