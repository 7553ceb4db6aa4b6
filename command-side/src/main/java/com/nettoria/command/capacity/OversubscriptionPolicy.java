package com.nettoria.command.capacity;

import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.catalogue.DatacenterId;

import java.util.Map;
import java.util.Objects;

/**
 * How much of each datacenter's cluster the platform sells: one set of ratios for every datacenter, and the ones an
 * operator set for particular datacenters ({@code nettoria.capacity.*}, docs/catalogue.md "Capacity").
 */
public record OversubscriptionPolicy(Oversubscription defaults, Map<DatacenterId, Oversubscription> datacenters) {

    public OversubscriptionPolicy {
        Objects.requireNonNull(defaults, "defaults");
        datacenters = Map.copyOf(datacenters);
    }

    public Oversubscription ratiosFor(DatacenterId datacenterId) {
        return datacenters.getOrDefault(datacenterId, defaults);
    }
}
