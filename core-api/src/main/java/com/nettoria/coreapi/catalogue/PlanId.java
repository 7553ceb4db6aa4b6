package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Slug;

/** A ready-made VM plan, e.g. {@code basic-2}. Chosen by an administrator; never changes (see {@link Slug}). */
public record PlanId(String value) {

    public PlanId {
        Slug.require(value, "plan id");
    }

    @Override
    public String toString() {
        return value;
    }
}
