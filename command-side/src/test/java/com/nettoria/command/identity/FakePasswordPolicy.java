package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.Secret;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Weak: shorter than 12 characters, one of a few well-known passwords, or containing one of the personal words. */
final class FakePasswordPolicy implements PasswordPolicy {

    static final String TOO_SHORT = "is shorter than 12 characters";
    static final String TOO_COMMON = "is too common";
    static final String PERSONAL = "contains your name, email or mobile number";

    private static final Set<String> COMMON = Set.of("passwordpassword", "qwertyuiop123", "123456789012");

    @Override
    public Optional<String> weakness(Secret password, Collection<String> personalWords) {
        String value = password.value();
        if (value.length() < 12) {
            return Optional.of(TOO_SHORT);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of(TOO_COMMON);
        }
        if (personalWords.stream().anyMatch(word -> word.length() >= 3 && lower.contains(word))) {
            return Optional.of(PERSONAL);
        }
        return Optional.empty();
    }
}
