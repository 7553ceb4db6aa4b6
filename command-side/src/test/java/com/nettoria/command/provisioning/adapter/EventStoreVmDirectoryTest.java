package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.provisioning.VmDirectory;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.nettoria.command.order.OrderTestData.HOSTNAME;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.vm.VmTestData.VM;
import static com.nettoria.command.vm.VmTestData.registered;
import static org.assertj.core.api.Assertions.assertThat;

class EventStoreVmDirectoryTest {

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventStoreVmDirectory directory = new EventStoreVmDirectory(events);

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    private void append(long sequence, Object payload) {
        events.publish(new GenericDomainEventMessage<>("VirtualMachine", VM.value(), sequence, payload));
    }

    @Test
    void answersTheOwnerAndTheHostnameTheVmWasRegisteredWith() {
        append(0, registered());

        assertThat(directory.find(VM)).contains(new VmDirectory.Vm(OWNER, HOSTNAME));
    }

    @Test
    void answersTheLatestHostnameOfARenamedVm() {
        append(0, registered());
        append(1, new VmRenamedEvent(VM, HOSTNAME, "web-2"));
        append(2, new VmRenamedEvent(VM, "web-2", "web-3"));

        assertThat(directory.find(VM)).contains(new VmDirectory.Vm(OWNER, "web-3"));
    }

    @Test
    void knowsNoVmWithoutEvents() {
        assertThat(directory.find(new VmId("no-such-vm"))).isEmpty();
    }
}
