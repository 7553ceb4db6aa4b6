package com.nettoria.coreapi.identity;

/** The password was replaced through a reset code. */
public record PasswordResetEvent(UserId userId, String passwordHash, ContactChannel channel) {

    @Override
    public String toString() {
        return "PasswordResetEvent[" + userId + "]";
    }
}
