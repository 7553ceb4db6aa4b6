package com.nettoria.coreapi.identity;

/** The account whose email or mobile (normalized) is {@code login}; answers a {@link UserView} or {@code null}. */
public record FindUserByLoginQuery(String login) {
}
