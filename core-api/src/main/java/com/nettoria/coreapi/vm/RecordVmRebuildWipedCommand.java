package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The VM being rebuilt was destroyed in vCenter, its snapshots with it (sent by the VM operations worker). Repeats
 * are no-ops.
 */
public record RecordVmRebuildWipedCommand(@TargetAggregateIdentifier VmId vmId, String operationId) {
}
