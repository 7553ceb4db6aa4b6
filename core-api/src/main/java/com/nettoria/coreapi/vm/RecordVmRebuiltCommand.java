package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** vCenter holds the VM's new clone (sent by the VM operations worker). Repeats are no-ops. */
public record RecordVmRebuiltCommand(@TargetAggregateIdentifier VmId vmId, String operationId, String vcenterRef,
                                     String instanceUuid, String datastore) {
}
