package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.identity.UserAccount;
import com.nettoria.command.provisioning.CustomerContacts;
import com.nettoria.command.provisioning.VmDirectory;
import com.nettoria.command.vm.VirtualMachine;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.MobileVerifiedEvent;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmIpAddressAssignedEvent;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.EMAIL;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.HOSTNAME;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.IP_ADDRESS;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.MOBILE;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.ORDER;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.SARA;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.VM;
import static org.assertj.core.api.Assertions.assertThat;

/** The adapters read what the notices need from the real aggregates, event-sourced from an in-memory store. */
class AggregateLookupsTest {

    private static final UserId SARAS_ACCOUNT = new UserId(SARA.value());

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CustomerContacts contacts = new AccountCustomerContacts(
            EventSourcingRepository.builder(UserAccount.class).eventStore(events).build());
    private final VmDirectory vms = new AggregateVmDirectory(
            EventSourcingRepository.builder(VirtualMachine.class).eventStore(events).build());

    @AfterEach
    void shutDown() {
        events.shutDown();
    }

    @Test
    void readsTheNameLanguageEmailAndVerifiedMobileNumberFromTheCustomersAccount() {
        given("UserAccount", SARA.value(), registered(), new MobileVerifiedEvent(SARAS_ACCOUNT, new MobileNumber(MOBILE)));

        assertThat(inAUnitOfWork(() -> contacts.of(SARA)))
                .contains(new CustomerContacts.Contact("Sara Rahimi", "fa", EMAIL, MOBILE));
    }

    @Test
    void leavesOutAMobileNumberThatIsNotVerified() {
        given("UserAccount", SARA.value(), registered());

        assertThat(inAUnitOfWork(() -> contacts.of(SARA)))
                .contains(new CustomerContacts.Contact("Sara Rahimi", "fa", EMAIL, null));
    }

    @Test
    void findsNoContactsForACustomerWithoutAnAccount() {
        assertThat(inAUnitOfWork(() -> contacts.of(new CustomerId("c4a0e6b1-2f7d-4e39-8b15-93d2f0a7c6e4")))).isEmpty();
    }

    @Test
    void readsTheOwnerAndTheHostnameTheVmWasRegisteredWith() {
        given("VirtualMachine", VM.value(), registeredVm(), new VmIpAddressAssignedEvent(VM, IP_ADDRESS),
                new VmProvisionedEvent(VM, ORDER, SARA, IP_ADDRESS));

        assertThat(inAUnitOfWork(() -> vms.find(VM))).contains(new VmDirectory.Vm(SARA, HOSTNAME));
    }

    @Test
    void findsNoVmThatWasNeverRegistered() {
        assertThat(inAUnitOfWork(() -> vms.find(new VmId("00000000-0000-3000-8000-000000000000")))).isEmpty();
    }

    private static UserRegisteredEvent registered() {
        return new UserRegisteredEvent(SARAS_ACCOUNT, "Sara", "Rahimi", new EmailAddress(EMAIL), new MobileNumber(MOBILE),
                "{argon2}hash", Set.of(Role.CUSTOMER), "fa");
    }

    private static VmRegisteredEvent registeredVm() {
        return new VmRegisteredEvent(VM, ORDER, SARA, HOSTNAME, new PlanId("standard-2"), new VmSpec(2, 4096, 60, 2000),
                BillingPeriod.MONTHLY, new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"),
                new VcenterPlacement("DC0", "DC0_C0", null, null, List.of("LocalDS_0"), List.of("DC0_DVPG0")),
                "debian-12", VM.vcenterName());
    }

    private void given(String type, String id, Object... history) {
        for (int sequence = 0; sequence < history.length; sequence++) {
            events.publish(new GenericDomainEventMessage<>(type, id, sequence, history[sequence]));
        }
    }

    /** Axon's repositories load only inside a unit of work, as the event handler's. */
    private static <T> Optional<T> inAUnitOfWork(Supplier<Optional<T>> lookup) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Optional<T> found = lookup.get();
            unitOfWork.commit();
            return found;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }
}
