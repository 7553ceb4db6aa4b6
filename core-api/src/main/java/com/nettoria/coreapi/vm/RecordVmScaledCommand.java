package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * vCenter runs the VM at the size the scale operation asked for (internal: sent by the operations worker). Repeats
 * are no-ops.
 */
public record RecordVmScaledCommand(@TargetAggregateIdentifier VmId vmId, String operationId) {
}
