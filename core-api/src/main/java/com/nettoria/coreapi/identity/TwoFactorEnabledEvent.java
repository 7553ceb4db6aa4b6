package com.nettoria.coreapi.identity;

import java.util.List;

/** Two-factor authentication is on; every later login asks for a TOTP or recovery code. */
public record TwoFactorEnabledEvent(UserId userId, List<String> recoveryCodeHashes, long totpTimeStep) {
}
