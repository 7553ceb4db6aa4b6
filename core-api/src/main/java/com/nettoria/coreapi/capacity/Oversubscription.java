package com.nettoria.coreapi.capacity;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much of a cluster's effective capacity the platform sells: vCPUs per physical core ({@code cpu}, e.g. 4 for
 * 4:1), and the share of effective memory ({@code memory}) and of the datastores' size ({@code disk}) that may be
 * allocated to VMs (1.0: all of it; above 1: thin provisioning or memory overcommit).
 */
public record Oversubscription(BigDecimal cpu, BigDecimal memory, BigDecimal disk) {

    public Oversubscription {
        requirePositive(cpu, "cpu");
        requirePositive(memory, "memory");
        requirePositive(disk, "disk");
    }

    private static void requirePositive(BigDecimal ratio, String name) {
        Objects.requireNonNull(ratio, name);
        if (ratio.signum() <= 0) {
            throw new IllegalArgumentException("the " + name + " ratio must be positive, not " + ratio);
        }
    }
}
