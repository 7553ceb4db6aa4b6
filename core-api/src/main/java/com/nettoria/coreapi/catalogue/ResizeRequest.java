package com.nettoria.coreapi.catalogue;

import java.util.Objects;

/**
 * What a running VM wants to become, to be priced: a plan or a custom size (exactly one), in the datacenter it
 * runs in, billed for the period its order pays. Unlike a {@link QuoteRequest} it names no operating system: the
 * VM keeps the one it has.
 */
public record ResizeRequest(PlanId planId, VmSpec customSpec, DatacenterId datacenterId, BillingPeriod period) {

    public ResizeRequest {
        if ((planId == null) == (customSpec == null)) {
            throw new IllegalArgumentException("give either a plan or a custom spec");
        }
        Objects.requireNonNull(datacenterId, "datacenterId");
        Objects.requireNonNull(period, "period");
    }
}
