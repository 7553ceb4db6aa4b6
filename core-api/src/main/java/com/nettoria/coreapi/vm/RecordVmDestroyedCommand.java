package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The VM no longer exists in vCenter (destroyed by the platform, or found gone). Repeats are no-ops. */
public record RecordVmDestroyedCommand(@TargetAggregateIdentifier VmId vmId, String cause) {
}
