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

    static long reserve(VCenter.DatastoreSpace datastore) {
        return Math.max(1, (datastore.capacityGib() + 19) / 20); // 5 %, rounded up
    }
}
