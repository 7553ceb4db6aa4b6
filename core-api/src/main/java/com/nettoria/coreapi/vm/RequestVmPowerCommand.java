package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Change a VM's power. {@code customerId} is the owner acting (checked by the VM), or {@code null} when an
 * administrator or the platform acts. {@code operationId} names the request: the same id again is the same
 * request. Refused for a VM that is not active (provisioning, suspended, failed, deleted).
 */
public record RequestVmPowerCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId, String operationId,
                                    PowerAction action) {
}
