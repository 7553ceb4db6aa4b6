package com.nettoria.coreapi.identity;

/** A login by a one-time code sent by {@link SendLoginCodeCommand}; answers a {@link LoginResult}. */
public record LogInWithCodeCommand(String login, Secret code) {
}
