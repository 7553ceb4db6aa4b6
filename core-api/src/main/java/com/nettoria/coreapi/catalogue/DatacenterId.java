package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Slug;

/** A datacenter customers can order VMs in, e.g. {@code tehran-1}. Chosen by an administrator; never changes (see {@link Slug}). */
public record DatacenterId(String value) {

    public DatacenterId {
        Slug.require(value, "datacenter id");
    }

    @Override
    public String toString() {
        return value;
    }
}
