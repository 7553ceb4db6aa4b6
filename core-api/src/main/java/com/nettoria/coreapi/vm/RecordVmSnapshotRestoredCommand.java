package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** vCenter reverted the VM to the snapshot (sent by the VM operations worker). Repeats are no-ops. */
public record RecordVmSnapshotRestoredCommand(@TargetAggregateIdentifier VmId vmId, String operationId,
                                              String snapshotId) {
}
