package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What vCenter says the VM's power state is now, and why it changed ({@code provisioning}, a customer action,
 * {@code reconciliation} when it changed behind the platform's back). No event when it did not change.
 */
public record RecordVmPowerStateCommand(@TargetAggregateIdentifier VmId vmId, PowerState state, String cause) {
}
