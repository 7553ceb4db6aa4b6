package com.nettoria.coreapi.identity;

/** A login by email or mobile and password; answers a {@link LoginResult}, never an error for a wrong guess. */
public record LogInWithPasswordCommand(String login, Secret password) {
}
