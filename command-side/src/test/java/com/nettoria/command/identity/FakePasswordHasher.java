package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.Secret;

/** {@code hash:<password>}, and a count of the dummy checks that keep unknown logins as slow as known ones. */
final class FakePasswordHasher implements PasswordHasher {

    private int dummyChecks;

    static String hashOf(String password) {
        return "hash:" + password;
    }

    @Override
    public String hash(Secret password) {
        return hashOf(password.value());
    }

    @Override
    public boolean matches(Secret password, String hash) {
        return hashOf(password.value()).equals(hash);
    }

    @Override
    public void matchAgainstDummy(Secret password) {
        dummyChecks++;
    }

    int dummyChecks() {
        return dummyChecks;
    }
}
