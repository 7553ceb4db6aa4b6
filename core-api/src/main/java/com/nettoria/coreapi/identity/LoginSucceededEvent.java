package com.nettoria.coreapi.identity;

import java.time.Instant;

/**
 * A session was opened. The client's address and user agent are in the event's metadata. Only a hash of the
 * refresh token is kept. {@code totpTimeStep} is the TOTP time step used (0 when none), so it cannot be replayed.
 */
public record LoginSucceededEvent(UserId userId, SessionId sessionId, LoginMethod method, String refreshTokenHash,
                                  Instant sessionExpiresAt, long totpTimeStep) {
}
