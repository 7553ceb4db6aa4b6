package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The snapshot is gone from vCenter (sent by the VM operations worker). Repeats are no-ops. */
public record RecordVmSnapshotDeletedCommand(@TargetAggregateIdentifier VmId vmId, String snapshotId) {
}
