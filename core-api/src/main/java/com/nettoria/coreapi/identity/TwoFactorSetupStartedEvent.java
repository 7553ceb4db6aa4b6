package com.nettoria.coreapi.identity;

/**
 * A new TOTP secret waits for its first code. The secret must be readable to check codes, so it is not hashed
 * but sealed (AES-GCM under a key derived from the server's HMAC key): the event store never holds it in clear.
 */
public record TwoFactorSetupStartedEvent(UserId userId, String sealedTotpSecret) {

    @Override
    public String toString() {
        return "TwoFactorSetupStartedEvent[" + userId + "]";
    }
}
