package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Slug;

/** An operating system customers can install, e.g. {@code debian-12}. Chosen by an administrator; never changes (see {@link Slug}). */
public record OperatingSystemId(String value) {

    public OperatingSystemId {
        Slug.require(value, "operating system id");
    }

    @Override
    public String toString() {
        return value;
    }
}
