package com.nettoria.coreapi.catalogue;

import java.util.Objects;

/**
 * The catalogue of what customers can order. There is one, {@link #MAIN}; the id exists because the catalogue is
 * an aggregate and its events need a stream to live in.
 */
public record CatalogueId(String value) {

    public static final CatalogueId MAIN = new CatalogueId("main");

    public CatalogueId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("catalogue id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
