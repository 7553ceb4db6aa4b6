package com.nettoria.coreapi.capacity;

import com.nettoria.coreapi.catalogue.VmSpec;

import java.util.Optional;

/**
 * An amount of the three resources a VM takes from its cluster: virtual CPUs, memory and disk. Used for what a
 * cluster may sell, what the platform has allocated there, what is left, and what an order or a scale-up asks for.
 */
public record Resources(long vcpus, long memoryMib, long diskGib) {

    public static final Resources NONE = new Resources(0, 0, 0);

    /** What a VM of this size takes. */
    public static Resources of(VmSpec spec) {
        return new Resources(spec.vcpus(), spec.memoryMib(), spec.diskGib());
    }

    public Resources plus(Resources other) {
        return new Resources(vcpus + other.vcpus, memoryMib + other.memoryMib, diskGib + other.diskGib);
    }

    /** What is left of this once {@code other} is taken; never below zero. */
    public Resources minus(Resources other) {
        return new Resources(Math.max(0, vcpus - other.vcpus), Math.max(0, memoryMib - other.memoryMib),
                Math.max(0, diskGib - other.diskGib));
    }

    /** The first resource of {@code requested} that is more than this has, in the order cpu, memory, disk. */
    public Optional<CapacityResource> firstShortOf(Resources requested) {
        if (requested.vcpus > vcpus) {
            return Optional.of(CapacityResource.CPU);
        }
        if (requested.memoryMib > memoryMib) {
            return Optional.of(CapacityResource.MEMORY);
        }
        if (requested.diskGib > diskGib) {
            return Optional.of(CapacityResource.DISK);
        }
        return Optional.empty();
    }
}
