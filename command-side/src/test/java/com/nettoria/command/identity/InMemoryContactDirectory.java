package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.UserId;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Email addresses and mobile numbers (E.164 and the Iranian local form) to their account. */
final class InMemoryContactDirectory implements ContactDirectory {

    private final Map<String, UserId> owners = new HashMap<>();

    @Override
    public void claim(UserId userId, EmailAddress email, MobileNumber mobile) {
        if (owners.containsKey(email.value()) || owners.containsKey(mobile.value())) {
            throw new AccountAlreadyExistsException();
        }
        owners.put(email.value(), userId);
        owners.put(mobile.value(), userId);
        owners.put(mobile.localForm(), userId);
    }

    @Override
    public Optional<UserId> find(String login) {
        return Optional.ofNullable(owners.get(login.strip().toLowerCase(Locale.ROOT)));
    }
}
