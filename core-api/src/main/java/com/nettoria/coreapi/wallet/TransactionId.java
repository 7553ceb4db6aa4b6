package com.nettoria.coreapi.wallet;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One money movement on a wallet. It is derived from the wallet and the caller's idempotency key, so a
 * repeated request names the same transaction and the wallet can recognise it.
 */
public record TransactionId(String value) {

    public TransactionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("transaction id must not be blank");
        }
    }

    public static TransactionId forRequest(WalletId walletId, String idempotencyKey) {
        String name = "wallet-transaction:" + walletId.value() + ":" + idempotencyKey;
        return new TransactionId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
