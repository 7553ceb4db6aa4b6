package com.nettoria.coreapi.identity;

/** The user changed the password, knowing the old one. */
public record PasswordChangedEvent(UserId userId, String passwordHash) {

    @Override
    public String toString() {
        return "PasswordChangedEvent[" + userId + "]";
    }
}
