package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Back the VM up on a schedule (replacing the one it has). Same ownership rule as {@link RequestVmPowerCommand};
 * refused for a VM that is not active and for a schedule that breaks {@link VmSnapshotSchedule#violation()}.
 */
public record SetVmSnapshotScheduleCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId,
                                           VmSnapshotSchedule schedule) {
}
