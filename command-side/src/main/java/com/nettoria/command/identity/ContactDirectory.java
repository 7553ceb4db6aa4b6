package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.UserId;

import java.util.Optional;

/**
 * The write side's set-based rule that one email address and one mobile number belong to one account, and the
 * lookup from what a person types at login to their account. Claims are written in the same transaction as
 * the registration's events, so a lost race rolls both back.
 */
public interface ContactDirectory {

    /**
     * @throws AccountAlreadyExistsException when either contact belongs to another account, unless that account
     *         left it unverified for {@link IdentityRules#UNVERIFIED_CLAIM_TTL}: then the claim moves to the new
     *         registration, so nobody can squat someone else's email or mobile
     */
    void claim(UserId userId, EmailAddress email, MobileNumber mobile);

    /** Whether the account still holds {@code contact} (it loses an unverified claim to a later registration). */
    boolean holds(UserId userId, String contact);

    /** The owner proved {@code contact}: from now on no registration can take it over. */
    void markVerified(UserId userId, String contact);

    /** The account an email address or mobile number (in any accepted spelling) belongs to. */
    Optional<UserId> find(String login);
}
