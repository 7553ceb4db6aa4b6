package com.nettoria.coreapi.capacity;

import java.util.Locale;

/** A resource a datacenter can run out of; its {@link #code()} names it in refusals ({@code order.datacenter-full}). */
public enum CapacityResource {
    CPU, MEMORY, DISK;

    /** {@code cpu}, {@code memory} or {@code disk}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
