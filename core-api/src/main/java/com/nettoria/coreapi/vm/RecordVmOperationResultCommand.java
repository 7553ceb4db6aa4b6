package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * How a requested operation ended in vCenter (sent by the VM operations worker). {@code code} and {@code reason}
 * say why it failed; both {@code null} on success. Repeats are no-ops.
 */
public record RecordVmOperationResultCommand(@TargetAggregateIdentifier VmId vmId, String operationId,
                                             boolean succeeded, String code, String reason) {
}
