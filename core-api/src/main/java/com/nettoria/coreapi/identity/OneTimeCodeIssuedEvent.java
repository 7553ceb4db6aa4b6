package com.nettoria.coreapi.identity;

import java.time.Instant;

/**
 * A one-time code was sent for {@code purpose} on {@code channel}. Only a keyed hash of the code is kept; it
 * replaces any earlier live code of the same purpose.
 */
public record OneTimeCodeIssuedEvent(UserId userId, String codeId, CodePurpose purpose, ContactChannel channel,
                                     String codeHash, Instant expiresAt, int maxAttempts) {
}
