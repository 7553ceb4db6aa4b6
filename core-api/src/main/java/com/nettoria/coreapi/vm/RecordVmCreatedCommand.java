package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** vCenter holds the VM (cloned from its template, or found from an earlier attempt). Repeats are no-ops. */
public record RecordVmCreatedCommand(@TargetAggregateIdentifier VmId vmId, String vcenterRef, String instanceUuid,
                                     String datastore) {
}
