package com.nettoria.coreapi.catalogue;

import java.util.Objects;

/**
 * A datacenter as the catalogue offers it: its names, where it is, where its VMs go in vCenter, and whether new
 * orders may choose it. Never deleted (orders refer to it); withdrawn by {@code orderable = false}.
 *
 * @param location the city, e.g. {@code Tehran}
 * @param country  ISO 3166-1 alpha-2, e.g. {@code IR}
 */
public record Datacenter(DatacenterId id,
                         String name,
                         String nameFa,
                         String location,
                         String country,
                         VcenterPlacement placement,
                         boolean orderable) {

    public Datacenter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(placement, "placement");
    }
}
