package com.nettoria.coreapi.identity;

import com.nettoria.coreapi.common.CustomerId;

import java.util.Objects;
import java.util.UUID;

/** A user account's identifier (a UUID): the subject of its access tokens and, for customers, the wallet owner. */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("user id must not be blank");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    /** The same person as the owner of wallets, orders and VMs. */
    public CustomerId asCustomer() {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
