package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a VM another host name (an RFC 1123 label). Only the platform's name changes: its vCenter name stays
 * {@code nettoria-<id>}. {@code customerId} as in {@link RequestVmPowerCommand}; the current name again is a
 * no-op; refused for a deleted VM.
 */
public record RenameVmCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId, String hostname) {
}
