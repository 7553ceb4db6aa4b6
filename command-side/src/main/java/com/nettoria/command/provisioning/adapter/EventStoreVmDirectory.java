package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.provisioning.VmDirectory;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link VmDirectory} read straight from the VM's events, without loading (and so locking) the aggregate: for
 * handlers that send commands to the same VM afterwards in the same unit of work, which an aggregate lock held by
 * {@link AggregateVmDirectory} would block where commands are handled on another thread (Axon Server).
 */
public class EventStoreVmDirectory implements VmDirectory {

    private final EventStore events;

    public EventStoreVmDirectory(EventStore events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Optional<Vm> find(VmId vmId) {
        Vm vm = null;
        // from the first event, never from a snapshot: the registration and renames are what it reads
        DomainEventStream stream = events.readEvents(vmId.value(), 0);
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof VmRegisteredEvent registered) {
                vm = new Vm(registered.customerId(), registered.hostname());
            } else if (payload instanceof VmRenamedEvent renamed && vm != null) {
                vm = new Vm(vm.owner(), renamed.hostname());
            }
        }
        return Optional.ofNullable(vm);
    }
}
