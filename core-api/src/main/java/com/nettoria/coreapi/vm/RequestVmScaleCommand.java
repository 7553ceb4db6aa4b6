package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grow the VM to {@code spec} in vCenter (internal: sent by the order desk once the order recorded the new price and
 * the wallet paid). Refused unless the VM is active, its owner's, not being scaled, and {@code spec} grows it.
 *
 * @param planId the new plan, or {@code null} for a custom size
 */
public record RequestVmScaleCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId, String operationId,
                                    PlanId planId, VmSpec spec) {
}
