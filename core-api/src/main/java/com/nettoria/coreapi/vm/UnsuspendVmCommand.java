package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a suspended VM back to its owner: it is active again and powered on if it was on when suspended. The same
 * operation id again is a no-op.
 */
public record UnsuspendVmCommand(@TargetAggregateIdentifier VmId vmId, String operationId) {
}
