package com.nettoria.coreapi.identity;

import java.time.Instant;

/** The password was right and two-factor authentication is on: the login waits for the second factor. */
public record SecondFactorRequestedEvent(UserId userId, String challengeId, Instant expiresAt) {
}
