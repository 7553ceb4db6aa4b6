package com.nettoria.coreapi.identity;

import java.util.Set;

/** Opens an account. The password is hashed on the write side; email and mobile must be free. */
public record RegisterUserCommand(UserId userId, String firstName, String lastName, EmailAddress email,
                                  MobileNumber mobile, Secret password, Set<Role> roles, String language) {
}
