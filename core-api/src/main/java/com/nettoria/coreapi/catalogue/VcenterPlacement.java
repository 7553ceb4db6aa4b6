package com.nettoria.coreapi.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * Where a datacenter's VMs go in vCenter: the vCenter datacenter and cluster, optionally a resource pool and a VM
 * folder, the datastores a VM may be placed on (the one with the most free space wins) and the networks (port
 * groups) a VM's adapter connects to (the first one is used).
 */
public record VcenterPlacement(String datacenter,
                               String cluster,
                               String resourcePool,
                               String folder,
                               List<String> datastores,
                               List<String> networks) {

    public VcenterPlacement {
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(cluster, "cluster");
        datastores = List.copyOf(datastores);
        networks = List.copyOf(networks);
        if (datastores.isEmpty()) {
            throw new IllegalArgumentException("a placement needs at least one datastore");
        }
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("a placement needs at least one network");
        }
    }

    public String network() {
        return networks.get(0);
    }
}
