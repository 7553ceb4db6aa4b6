package com.nettoria.coreapi.catalogue;

import java.util.Objects;

/**
 * What a customer wants priced: a plan or a custom size, in a datacenter, with an operating system, for a
 * billing period. Exactly one of {@code planId} and {@code customSpec} is given.
 */
public record QuoteRequest(PlanId planId,
                           VmSpec customSpec,
                           DatacenterId datacenterId,
                           OperatingSystemId operatingSystemId,
                           BillingPeriod period) {

    public QuoteRequest {
        if ((planId == null) == (customSpec == null)) {
            throw new IllegalArgumentException("give either a plan or a custom spec");
        }
        Objects.requireNonNull(datacenterId, "datacenterId");
        Objects.requireNonNull(operatingSystemId, "operatingSystemId");
        Objects.requireNonNull(period, "period");
    }
}
