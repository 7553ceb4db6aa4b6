package com.nettoria.coreapi.identity;

/** The account's sessions that have not ended, most recently used first; answers a {@link SessionPage}. */
public record FindSessionsQuery(UserId userId) {
}
