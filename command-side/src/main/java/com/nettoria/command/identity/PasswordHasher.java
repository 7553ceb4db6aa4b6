package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.Secret;

/** Turns passwords into slow, salted, self-describing hashes ({@code {argon2}…}) and checks them. */
public interface PasswordHasher {

    String hash(Secret password);

    boolean matches(Secret password, String hash);

    /** Spends the time of one {@link #matches} so that an unknown account answers as slowly as a known one. */
    void matchAgainstDummy(Secret password);
}
