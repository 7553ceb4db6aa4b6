package com.nettoria.coreapi.identity;

import java.util.Objects;

/**
 * A password, one-time code or token in transit inside a command. Never stored: commands are not persisted,
 * events carry only hashes. {@link #toString()} hides it so it cannot leak into logs.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "******";
    }
}
