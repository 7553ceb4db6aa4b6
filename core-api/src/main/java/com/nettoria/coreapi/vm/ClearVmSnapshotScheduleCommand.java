package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stop backing the VM up on a schedule; its automatic snapshots stay until its owner deletes them. A VM without a
 * schedule changes nothing. Same ownership rule as {@link RequestVmPowerCommand}.
 */
public record ClearVmSnapshotScheduleCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId) {
}
