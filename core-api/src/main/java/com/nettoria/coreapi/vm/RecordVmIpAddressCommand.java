package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The guest reported an IP address. No event when it is the one already known. */
public record RecordVmIpAddressCommand(@TargetAggregateIdentifier VmId vmId, String ipAddress) {
}
