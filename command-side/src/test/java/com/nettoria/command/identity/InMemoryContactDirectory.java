package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.UserId;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Email addresses and mobile numbers (E.164 and the Iranian local form) to their account. */
final class InMemoryContactDirectory implements ContactDirectory {

    private record Claim(UserId owner, Instant claimedAt, boolean verified) {
    }

    private final Map<String, Claim> claims = new HashMap<>();

    @Override
    public void claim(UserId userId, EmailAddress email, MobileNumber mobile) {
        Instant now = GenericEventMessage.clock.instant();
        for (String contact : List.of(email.value(), mobile.value())) {
            Claim held = claims.get(contact);
            if (held != null && (held.verified()
                    || !held.claimedAt().plus(IdentityRules.UNVERIFIED_CLAIM_TTL).isBefore(now))) {
                throw new AccountAlreadyExistsException();
            }
        }
        claims.put(email.value(), new Claim(userId, now, false));
        claims.put(mobile.value(), new Claim(userId, now, false));
        localForms.put(mobile.localForm(), mobile.value());
    }

    private final Map<String, String> localForms = new HashMap<>();

    /** As if a later registration had taken over the unverified {@code contact}. */
    void takeOver(String contact, UserId newOwner) {
        claims.put(contact, new Claim(newOwner, GenericEventMessage.clock.instant(), false));
    }

    boolean isVerified(String contact) {
        Claim held = claims.get(contact);
        return held != null && held.verified();
    }

    @Override
    public boolean holds(UserId userId, String contact) {
        Claim held = claims.get(contact);
        return held != null && held.owner().equals(userId);
    }

    @Override
    public void markVerified(UserId userId, String contact) {
        claims.computeIfPresent(contact, (c, held) -> held.owner().equals(userId)
                ? new Claim(userId, held.claimedAt(), true) : held);
    }

    @Override
    public Optional<UserId> find(String login) {
        String key = login.strip().toLowerCase(Locale.ROOT);
        Claim held = claims.get(localForms.getOrDefault(key, key));
        return Optional.ofNullable(held).map(Claim::owner);
    }
}
