package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete a VM: destroy it in vCenter and stop billing it. Same ownership and operation id rules as
 * {@link RequestVmPowerCommand}; refused while it is provisioning, a no-op once deleted.
 */
public record DeleteVmCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId, String operationId,
                              String reason) {
}
