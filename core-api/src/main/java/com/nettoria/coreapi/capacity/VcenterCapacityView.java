package com.nettoria.coreapi.capacity;

import java.util.List;

/**
 * A vCenter cluster's capacity: hardware totals, what is left of them for VMs ({@code *Effective}) and what its
 * hosts use now, plus the free space of its datastores.
 */
public record VcenterCapacityView(String vcenterDatacenter,
                                  String cluster,
                                  int hosts,
                                  int cpuCores,
                                  long cpuMhzTotal,
                                  long cpuMhzEffective,
                                  long cpuMhzUsed,
                                  long memoryMibTotal,
                                  long memoryMibEffective,
                                  long memoryMibUsed,
                                  List<Datastore> datastores) {

    public VcenterCapacityView {
        datastores = List.copyOf(datastores);
    }

    /** One datastore's size and free space. */
    public record Datastore(String name, long capacityGib, long freeGib) {
    }
}
