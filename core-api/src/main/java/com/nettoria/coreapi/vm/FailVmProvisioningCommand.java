package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Provisioning failed for good at {@code step} (sent by the provisioning saga before it cleans up and refunds).
 * Repeats are no-ops.
 */
public record FailVmProvisioningCommand(@TargetAggregateIdentifier VmId vmId, ProvisioningStep step, String code,
                                        String reason) {
}
