package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.CustomerId;

import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/**
 * A wallet's identifier. A customer holds at most one wallet per currency, so the id is derived from both:
 * anyone who knows the customer and the currency finds the wallet without a lookup table, and opening it
 * twice collides on the event store's (aggregate, sequence) constraint.
 */
public record WalletId(String value) {

    public WalletId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("wallet id must not be blank");
        }
    }

    public static WalletId of(CustomerId owner, Currency currency) {
        String name = "wallet:" + owner.value() + ":" + currency.getCurrencyCode();
        return new WalletId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
