package com.nettoria.coreapi.identity;

/** The account's activity log, newest first; answers an {@link ActivityPage}. */
public record FindActivityQuery(UserId userId, int page, int size) {
}
