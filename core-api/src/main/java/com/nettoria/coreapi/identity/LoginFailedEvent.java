package com.nettoria.coreapi.identity;

/** A login attempt on this account failed; {@code consecutiveFailures} counts since the last success. */
public record LoginFailedEvent(UserId userId, LoginFailureReason reason, int consecutiveFailures) {
}
