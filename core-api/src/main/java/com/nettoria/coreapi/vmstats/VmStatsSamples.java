package com.nettoria.coreapi.vmstats;

import java.time.Instant;
import java.util.List;

/** What vCenter reported for a datacenter's platform VMs at {@code sampledAt}, one {@link VmQuickStats} each. */
public record VmStatsSamples(String vcenterDatacenter, Instant sampledAt, List<VmQuickStats> vms) {

    public VmStatsSamples {
        vms = List.copyOf(vms);
    }
}
