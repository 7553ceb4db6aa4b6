package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** vCenter holds the snapshot (sent by the VM operations worker). Repeats are no-ops. */
public record RecordVmSnapshotTakenCommand(@TargetAggregateIdentifier VmId vmId, String snapshotId,
                                           String vcenterSnapshotRef) {
}
