package com.nettoria.coreapi.identity;

/** A new TOTP secret waits for its first code. (The secret must be readable to check codes: it is not hashed.) */
public record TwoFactorSetupStartedEvent(UserId userId, String totpSecret) {

    @Override
    public String toString() {
        return "TwoFactorSetupStartedEvent[" + userId + "]";
    }
}
