package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a snapshot (a manual backup, without memory) of a VM. Same ownership and operation id rules as
 * {@link RequestVmPowerCommand}; the snapshot's id follows from the operation ({@link VmSnapshots#idFor}). Refused
 * for a VM that is not active, beyond {@link VmSnapshots#LIMIT} snapshots, and for a name that is not 1 to 64
 * characters.
 */
public record TakeVmSnapshotCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId, String operationId,
                                    String name, String description) {
}
