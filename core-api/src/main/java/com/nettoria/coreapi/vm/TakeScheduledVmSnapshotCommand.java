package com.nettoria.coreapi.vm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The VM's schedule slot {@code slot} is due: take its snapshot now (or record why not) and wait for the next slot.
 * The VM's own persistent deadline does this at the slot's time; the command runs a due slot at once (operators,
 * tests). Only the slot the VM waits for counts: any other, or the same one again, changes nothing.
 */
public record TakeScheduledVmSnapshotCommand(@TargetAggregateIdentifier VmId vmId, Instant slot) {
}
