package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The VM is running with an IP address: hand it to the customer (sent by the provisioning saga). Repeats are no-ops. */
public record CompleteVmProvisioningCommand(@TargetAggregateIdentifier VmId vmId) {
}
