package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Suspend a VM (billing or an administrator; never its owner): it is powered off and every action of its owner is
 * refused until it is unsuspended. Only an active VM; the same operation id again is a no-op.
 *
 * @param reason why, shown to the owner; required
 */
public record SuspendVmCommand(@TargetAggregateIdentifier VmId vmId, String operationId, String reason) {
}
