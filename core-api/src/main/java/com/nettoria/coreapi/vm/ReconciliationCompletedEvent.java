package com.nettoria.coreapi.vm;

import java.time.Instant;
import java.util.List;

/**
 * A reconciliation run compared vCenter's inventory with the VMs the platform runs: {@code vmsChecked} active VMs
 * were looked at, {@code drifts} of them had been powered off, on or suspended, or deleted, behind the platform's
 * back (each recorded on its VM with the cause {@code reconciliation}), and {@code orphans} VMs in vCenter belong
 * to nobody ({@link VcenterOrphanFoundEvent}). Datacenters whose vCenter could not be asked are in
 * {@code unavailableDatacenters} and were skipped. Published once per run, not by an aggregate.
 */
public record ReconciliationCompletedEvent(String runId,
                                           Instant startedAt,
                                           Instant completedAt,
                                           int vmsChecked,
                                           int drifts,
                                           int orphans,
                                           List<String> unavailableDatacenters) {

    public ReconciliationCompletedEvent {
        unavailableDatacenters = unavailableDatacenters == null ? List.of() : List.copyOf(unavailableDatacenters);
    }
}
