package com.nettoria.coreapi.identity;

/** One account as its owner and administrators see it; answers a {@link UserView} or {@code null}. */
public record FindUserQuery(UserId userId) {
}
