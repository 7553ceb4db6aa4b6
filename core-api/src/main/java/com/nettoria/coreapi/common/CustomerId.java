package com.nettoria.coreapi.common;

import java.util.Objects;

/** A customer (user account) identifier: the subject of the customer's access token. */
public record CustomerId(String value) {

    public CustomerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
