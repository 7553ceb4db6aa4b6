package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete one of a VM's snapshots. Same ownership and operation id rules as {@link RequestVmPowerCommand}; refused
 * for a VM that is not active and for a snapshot it does not have (or that is being deleted already).
 */
public record DeleteVmSnapshotCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId,
                                      String operationId, String snapshotId) {
}
