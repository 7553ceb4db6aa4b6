package com.nettoria.command.capacity;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.capacity.Resources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a cluster may sell: its effective capacity times the datacenter's ratios, rounded down. vCPUs count against
 * the physical cores that are effectively available (the cores scaled by effective over total CPU MHz, so hosts in
 * maintenance or disconnected do not count), memory against the effective memory, disk against the size of the
 * datastores the datacenter places disks on (the free space is checked apart, per datastore).
 */
public final class SellableCapacity {

    private SellableCapacity() {
    }

    public static Resources of(VCenter.Capacity capacity, List<String> allowedDatastores, Oversubscription ratios) {
        BigDecimal cores = BigDecimal.valueOf(capacity.cpuCores());
        if (capacity.cpuMhzTotal() > 0) {
            cores = cores.multiply(BigDecimal.valueOf(capacity.cpuMhzEffective()))
                    .divide(BigDecimal.valueOf(capacity.cpuMhzTotal()), 6, RoundingMode.DOWN);
        }
        long datastoreGib = capacity.datastores().stream()
                .filter(ds -> allowedDatastores.contains(ds.name()))
                .mapToLong(VCenter.DatastoreSpace::capacityGib).sum();
        return new Resources(times(cores, ratios.cpu()),
                times(BigDecimal.valueOf(capacity.memoryMibEffective()), ratios.memory()),
                times(BigDecimal.valueOf(datastoreGib), ratios.disk()));
    }

    private static long times(BigDecimal amount, BigDecimal ratio) {
        return amount.multiply(ratio).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
