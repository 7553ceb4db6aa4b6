package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.Secret;

import java.util.Collection;
import java.util.Optional;

/**
 * Says why a password must not be used: too short or long, common or known from breaches, or made of the
 * account's own name, email or mobile ({@code personalWords}). Empty when the password is acceptable.
 */
public interface PasswordPolicy {

    Optional<String> weakness(Secret password, Collection<String> personalWords);
}
