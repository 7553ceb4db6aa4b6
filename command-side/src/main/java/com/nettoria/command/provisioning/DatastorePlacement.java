package com.nettoria.command.provisioning;

import com.nettoria.command.vcenter.VCenter;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a new VM's disk goes: among the datastores its datacenter allows, the one with the most free space, as
 * long as the disk leaves a reserve free (5 % of the datastore, at least 1 GiB) for snapshots and swap.
 */
public final class DatastorePlacement {

    private DatastorePlacement() {
    }

    public static Optional<String> choose(List<VCenter.DatastoreSpace> datastores, List<String> allowed, int diskGib) {
        return datastores.stream()
                .filter(ds -> allowed.contains(ds.name()))
                .filter(ds -> ds.freeGib() - diskGib >= reserve(ds))
                .max(Comparator.comparingLong(VCenter.DatastoreSpace::freeGib))
                .map(VCenter.DatastoreSpace::name);
    }

    /**
     * The largest disk {@link #choose} would still place on one of the allowed datastores (0 when none has room for
     * even 1 GiB): what the catalogue may still offer.
     */
    public static long largestDiskGib(List<VCenter.DatastoreSpace> datastores, List<String> allowed) {
        return datastores.stream()
                .filter(ds -> allowed.contains(ds.name()))
                .mapToLong(ds -> Math.max(0, ds.freeGib() - reserve(ds)))
                .max().orElse(0);
    }

    static long reserve(VCenter.DatastoreSpace datastore) {
        return Math.max(1, (datastore.capacityGib() + 19) / 20); // 5 %, rounded up
    }
}
