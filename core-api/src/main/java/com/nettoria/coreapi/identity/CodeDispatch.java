package com.nettoria.coreapi.identity;

import java.time.Instant;

/** A code was sent (or, for an unknown login, pretended to be): when it expires and when another may be asked for. */
public record CodeDispatch(Instant expiresAt, Instant resendAllowedAt) {
}
