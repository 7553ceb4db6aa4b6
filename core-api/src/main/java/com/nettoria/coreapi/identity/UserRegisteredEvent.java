package com.nettoria.coreapi.identity;

import java.util.Set;

/** An account was opened. The password is kept only as its encoder's hash ({@code {argon2}…}). */
public record UserRegisteredEvent(UserId userId, String firstName, String lastName, EmailAddress email,
                                  MobileNumber mobile, String passwordHash, Set<Role> roles, String language) {

    @Override
    public String toString() {
        return "UserRegisteredEvent[" + userId + ", " + roles + "]";
    }
}
