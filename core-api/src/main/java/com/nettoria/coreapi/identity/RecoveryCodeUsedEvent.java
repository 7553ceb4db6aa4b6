package com.nettoria.coreapi.identity;

/** One recovery code (by its position in {@link TwoFactorEnabledEvent#recoveryCodeHashes()}) is spent. */
public record RecoveryCodeUsedEvent(UserId userId, int index) {
}
