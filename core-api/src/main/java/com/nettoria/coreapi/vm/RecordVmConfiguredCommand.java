package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The VM in vCenter has its size and network. Repeats are no-ops. */
public record RecordVmConfiguredCommand(@TargetAggregateIdentifier VmId vmId, String network) {
}
