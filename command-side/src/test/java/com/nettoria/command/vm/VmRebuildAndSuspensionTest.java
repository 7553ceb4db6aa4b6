package com.nettoria.command.vm;

import com.nettoria.command.catalogue.PriceList;
import com.nettoria.command.catalogue.UnknownOperatingSystemException;
import com.nettoria.command.order.RootPasswords;
import com.nettoria.command.provisioning.GuestInitTestData;
import com.nettoria.coreapi.catalogue.CatalogueErrors;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.ResizeRequest;
import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RebuildVmCommand;
import com.nettoria.coreapi.vm.RecordVmRebuildWipedCommand;
import com.nettoria.coreapi.vm.RecordVmRebuiltCommand;
import com.nettoria.coreapi.vm.SuspendVmCommand;
import com.nettoria.coreapi.vm.UnsuspendVmCommand;
import com.nettoria.coreapi.vm.VmRebuildAccepted;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmRebuiltEvent;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.nettoria.command.common.Refusals.refusal;
import static com.nettoria.command.order.OrderTestData.DATACENTER;
import static com.nettoria.command.order.OrderTestData.OPERATING_SYSTEM;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.PLACEMENT;
import static com.nettoria.command.order.OrderTestData.SPEC;
import static com.nettoria.command.order.OrderTestData.STRANGER;
import static com.nettoria.command.order.OrderTestData.TEMPLATE;
import static com.nettoria.command.vm.VmTestData.INSTANCE_UUID;
import static com.nettoria.command.vm.VmTestData.VCENTER_DATACENTER;
import static com.nettoria.command.vm.VmTestData.VCENTER_NAME;
import static com.nettoria.command.vm.VmTestData.VM;
import static com.nettoria.command.vm.VmTestData.active;
import static com.nettoria.command.vm.VmTestData.delete;
import static com.nettoria.command.vm.VmTestData.deletionRequested;
import static com.nettoria.command.vm.VmTestData.operationFailed;
import static com.nettoria.command.vm.VmTestData.operationSucceeded;
import static com.nettoria.command.vm.VmTestData.power;
import static com.nettoria.command.vm.VmTestData.powerChanged;
import static com.nettoria.command.vm.VmTestData.powerRequested;
import static com.nettoria.command.vm.VmTestData.provisioning;
import static com.nettoria.command.vm.VmTestData.rename;
import static com.nettoria.command.vm.VmTestData.snapshotDeleted;
import static com.nettoria.command.vm.VmTestData.snapshotKept;
import static com.nettoria.command.vm.VmTestData.takeSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding a VM (its owner or an administrator) and suspending it (the platform), from the VM's past events: who
 * may ask, in which states, what is recorded as vCenter carries it out, and that every request tolerates repeats.
 */
class VmRebuildAndSuspensionTest {

    private static final String NOT_FOUND = "vm.not-found";
    private static final String ILLEGAL_STATE = "vm.illegal-state";
    private static final String SUSPENDED = "vm.suspended";
    private static final String OPERATION_PENDING = "vm.operation-pending";
    private static final OperatingSystemId UBUNTU = new OperatingSystemId("ubuntu-24");
    private static final String UBUNTU_TEMPLATE = "tpl-ubuntu-24";
    private static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@laptop";
    private static final long SEED = 42;
    private static final String REASON = "invoice 1042 unpaid";
    private static final String NEW_UUID = "503f9b8d-2a4c-4e6f-8b7c-8d9e0f1a2b3c";

    private FixtureConfiguration<VirtualMachine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VirtualMachine.class);
        fixture.registerInjectableResource(new TwoSystems());
        fixture.registerInjectableResource(GuestInitTestData.visibleSeals());
        fixture.registerInjectableResource(new RootPasswords(new Random(SEED)));
    }

    /** The password a fixture's first rebuild without a key generates. */
    private static String firstPassword() {
        return new RootPasswords(new Random(SEED)).get();
    }

    private static RebuildVmCommand rebuild(CustomerId by, String operationId, OperatingSystemId system, String key) {
        return new RebuildVmCommand(VM, by, operationId, system, key);
    }

    private static VmRebuildRequestedEvent rebuildRequested(String operationId, OperatingSystemId system,
                                                            String template, String key, String sealedPassword) {
        return new VmRebuildRequestedEvent(VM, operationId, system, template, key, sealedPassword, SPEC, PLACEMENT,
                VCENTER_NAME, INSTANCE_UUID);
    }

    private static VmRebuildRequestedEvent rebuildRequested(String operationId) {
        return rebuildRequested(operationId, OPERATING_SYSTEM, TEMPLATE, SSH_KEY, null);
    }

    private static VmRebuiltEvent rebuilt(String operationId) {
        return new VmRebuiltEvent(VM, operationId, OPERATING_SYSTEM, "vm-2001", NEW_UUID, "ds-ssd-1");
    }

    private static SuspendVmCommand suspend(String operationId) {
        return new SuspendVmCommand(VM, operationId, REASON);
    }

    private static VmSuspendedEvent suspended(String operationId, PowerState before) {
        return new VmSuspendedEvent(VM, operationId, REASON, before, VCENTER_DATACENTER, VCENTER_NAME);
    }

    private static List<Object> activeWithSnapshots(Object... more) {
        List<Object> history = new ArrayList<>(active());
        history.addAll(snapshotKept("op-s1"));
        history.addAll(snapshotKept("op-s2"));
        history.addAll(List.of(more));
        return history;
    }

    @Nested
    class Rebuilding {

        @Test
        void theOwnerRebuildsWithTheSameSystemAndAKeyAndIsToldNoPassword() {
            fixture.given(active())
                    .when(rebuild(OWNER, "op-r1", null, SSH_KEY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(rebuildRequested("op-r1"))
                    .expectResultMessagePayload(new VmRebuildAccepted("op-r1", null));
        }

        @Test
        void withoutAKeyARootPasswordIsGeneratedAnsweredOnceAndKeptSealed() {
            String password = firstPassword();
            fixture.given(active())
                    .when(rebuild(OWNER, "op-r1", UBUNTU, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(rebuildRequested("op-r1", UBUNTU, UBUNTU_TEMPLATE, null, "sealed(" + password + ")"))
                    .expectResultMessagePayload(new VmRebuildAccepted("op-r1", password));
        }

        @Test
        void anAdministratorMayRebuildAnyVm() {
            fixture.given(active())
                    .when(rebuild(null, "op-r1", null, SSH_KEY))
                    .expectEvents(rebuildRequested("op-r1"));
        }

        @Test
        void someoneElsesVmIsAnsweredAsIfItDidNotExist() {
            fixture.given(active())
                    .when(rebuild(STRANGER, "op-r1", null, SSH_KEY))
                    .expectException(refusal(VmRefusal.class, NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void theSameOperationAskedAgainChangesNothingAndTellsNoPassword() {
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(rebuild(OWNER, "op-r1", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new VmRebuildAccepted("op-r1", null));
        }

        @Test
        void anOperatingSystemTheCatalogueDoesNotOfferThereIsRefusedAsTheCatalogueSays() {
            fixture.given(active())
                    .when(rebuild(OWNER, "op-r1", new OperatingSystemId("windows-95"), SSH_KEY))
                    .expectException(UnknownOperatingSystemException.class)
                    .expectNoEvents();
        }

        @Test
        void refusesAVmThatIsNotActiveOrHasAnOperationUnderWay() {
            fixture.given(provisioning())
                    .when(rebuild(OWNER, "op-r1", null, SSH_KEY))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "PROVISIONING")));
            fixture.given(active(deletionRequested("op-d")))
                    .when(rebuild(OWNER, "op-r1", null, SSH_KEY))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "DELETED")));
            fixture.given(active(powerRequested("op-p", PowerAction.OFF)))
                    .when(rebuild(OWNER, "op-r1", null, SSH_KEY))
                    .expectException(refusal(VmRefusal.class, OPERATION_PENDING));
            fixture.given(active(rebuildRequested("op-r0")))
                    .when(rebuild(OWNER, "op-r1", null, SSH_KEY))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "REBUILDING")));
        }

        @Test
        void whileRebuildingEveryOtherActionIsRefused() {
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(power(OWNER, "op-p", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "REBUILDING")));
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(takeSnapshot(OWNER, "op-s"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "REBUILDING")));
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(delete(OWNER, "op-d"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "REBUILDING")));
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(rename(OWNER, "db-2"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "REBUILDING")));
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(suspend("op-x"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "REBUILDING")));
        }

        @Test
        void theOldVmDestroyedTakesItsSnapshotsAndPowerWithIt() {
            fixture.given(activeWithSnapshots(rebuildRequested("op-r1")))
                    .when(new RecordVmRebuildWipedCommand(VM, "op-r1"))
                    .expectEvents(snapshotDeleted("op-s1"), snapshotDeleted("op-s2"),
                            powerChanged(PowerState.ON, PowerState.OFF, "rebuild"));
            fixture.given(activeWithSnapshots(rebuildRequested("op-r1"), snapshotDeleted("op-s1"),
                            snapshotDeleted("op-s2"), powerChanged(PowerState.ON, PowerState.OFF, "rebuild")))
                    .when(new RecordVmRebuildWipedCommand(VM, "op-r1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void onlyTheRebuildUnderWayIsRecorded() {
            fixture.given(activeWithSnapshots())
                    .when(new RecordVmRebuildWipedCommand(VM, "op-other"))
                    .expectNoEvents();
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(new RecordVmRebuiltCommand(VM, "op-other", "vm-2001", NEW_UUID, "ds-ssd-1"))
                    .expectNoEvents();
        }

        @Test
        void theNewCloneIsRecordedOnce() {
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(new RecordVmRebuiltCommand(VM, "op-r1", "vm-2001", NEW_UUID, "ds-ssd-1"))
                    .expectEvents(rebuilt("op-r1"));
            fixture.given(active(rebuildRequested("op-r1"), rebuilt("op-r1")))
                    .when(new RecordVmRebuiltCommand(VM, "op-r1", "vm-2001", NEW_UUID, "ds-ssd-1"))
                    .expectNoEvents();
        }

        @Test
        void aCloneWithTheReplacedVmsInstanceUuidIsRecordedToo() {
            // vCenter simulators derive the instance UUID from the name: the new clone may have the old one's
            fixture.given(active(rebuildRequested("op-r1")))
                    .when(new RecordVmRebuiltCommand(VM, "op-r1", "vm-2001", INSTANCE_UUID, "ds-ssd-1"))
                    .expectEvents(new VmRebuiltEvent(VM, "op-r1", OPERATING_SYSTEM, "vm-2001", INSTANCE_UUID,
                            "ds-ssd-1"));
        }

        @Test
        void aRebuildThatEndedWellOrNotLeavesTheVmActiveAndRebuildableAgain() {
            fixture.given(active(rebuildRequested("op-r1"), rebuilt("op-r1"), operationSucceeded("op-r1")))
                    .when(power(OWNER, "op-p", PowerAction.RESET))
                    .expectSuccessfulHandlerExecution();
            fixture.given(active(rebuildRequested("op-r1"),
                            operationFailed("op-r1", "vcenter.not-found", "no template tpl-debian-12")))
                    .when(rebuild(OWNER, "op-r2", null, SSH_KEY))
                    .expectEvents(rebuildRequested("op-r2"));
        }

        @Test
        void aSecondRebuildTellsTheNewCloneFromTheOldByItsInstanceUuid() {
            fixture.given(active(rebuildRequested("op-r1"), rebuilt("op-r1"), operationSucceeded("op-r1")))
                    .when(rebuild(OWNER, "op-r2", null, SSH_KEY))
                    .expectEvents(new VmRebuildRequestedEvent(VM, "op-r2", OPERATING_SYSTEM, TEMPLATE, SSH_KEY, null,
                            SPEC, PLACEMENT, VCENTER_NAME, NEW_UUID));
        }
    }

    @Nested
    class Suspending {

        @Test
        void theVmIsSuspendedRememberingItWasOn() {
            fixture.given(active())
                    .when(suspend("op-x1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(suspended("op-x1", PowerState.ON));
        }

        @Test
        void theSameSuspensionAgainChangesNothing() {
            fixture.given(active(suspended("op-x1", PowerState.ON)))
                    .when(suspend("op-x1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSuspensionNeedsAReason() {
            fixture.given(active())
                    .when(new SuspendVmCommand(VM, "op-x1", " "))
                    .expectException(refusal(VmRefusal.class, "vm.invalid-suspension"))
                    .expectNoEvents();
            fixture.given(active())
                    .when(new SuspendVmCommand(VM, "op-x1", null))
                    .expectException(refusal(VmRefusal.class, "vm.invalid-suspension"));
        }

        @Test
        void onlyAnActiveVmIsSuspended() {
            fixture.given(provisioning())
                    .when(suspend("op-x1"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "PROVISIONING")));
            fixture.given(active(suspended("op-x1", PowerState.ON)))
                    .when(suspend("op-x2"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "SUSPENDED")));
            fixture.given(active(deletionRequested("op-d")))
                    .when(suspend("op-x1"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "DELETED")));
        }

        @Test
        void everyActionOfItsOwnerIsRefusedWithTheReason() {
            Map<String, String> why = Map.of("reason", REASON);
            List<Object> suspendedVm = active(suspended("op-x1", PowerState.ON), operationSucceeded("op-x1"));
            fixture.given(suspendedVm)
                    .when(power(OWNER, "op-p", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, SUSPENDED, why));
            fixture.given(suspendedVm)
                    .when(takeSnapshot(OWNER, "op-s"))
                    .expectException(refusal(VmRefusal.class, SUSPENDED, why));
            fixture.given(suspendedVm)
                    .when(rebuild(OWNER, "op-r", null, SSH_KEY))
                    .expectException(refusal(VmRefusal.class, SUSPENDED, why));
            fixture.given(suspendedVm)
                    .when(rename(OWNER, "db-2"))
                    .expectException(refusal(VmRefusal.class, SUSPENDED, why));
            fixture.given(suspendedVm)
                    .when(delete(OWNER, "op-d"))
                    .expectException(refusal(VmRefusal.class, SUSPENDED, why))
                    .expectNoEvents();
        }

        @Test
        void someoneElsesSuspendedVmIsStillNotFound() {
            fixture.given(active(suspended("op-x1", PowerState.ON)))
                    .when(power(STRANGER, "op-p", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, NOT_FOUND));
        }

        @Test
        void anAdministratorMayDeleteASuspendedVmButNotPowerIt() {
            List<Object> suspendedVm = active(suspended("op-x1", PowerState.ON), operationSucceeded("op-x1"));
            fixture.given(suspendedVm)
                    .when(delete(null, "op-d"))
                    .expectEvents(deletionRequested("op-d"));
            fixture.given(suspendedVm)
                    .when(power(null, "op-p", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, SUSPENDED));
        }
    }

    @Nested
    class Unsuspending {

        @Test
        void aVmThatWasOnIsActiveAgainAndPoweredOn() {
            fixture.given(active(suspended("op-x1", PowerState.ON), operationSucceeded("op-x1"),
                            powerChanged(PowerState.ON, PowerState.OFF, "suspend")))
                    .when(new UnsuspendVmCommand(VM, "op-u1"))
                    .expectEvents(new VmUnsuspendedEvent(VM, "op-u1", true, VCENTER_DATACENTER, VCENTER_NAME));
        }

        @Test
        void aVmThatWasOffStaysOff() {
            fixture.given(active(powerChanged(PowerState.ON, PowerState.OFF, "power-off"),
                            suspended("op-x1", PowerState.OFF), operationSucceeded("op-x1")))
                    .when(new UnsuspendVmCommand(VM, "op-u1"))
                    .expectEvents(new VmUnsuspendedEvent(VM, "op-u1", false, VCENTER_DATACENTER, VCENTER_NAME));
        }

        @Test
        void theSameUnsuspensionAgainChangesNothingAndItsOwnerMayActAgain() {
            List<Object> unsuspended = active(suspended("op-x1", PowerState.ON), operationSucceeded("op-x1"),
                    new VmUnsuspendedEvent(VM, "op-u1", true, VCENTER_DATACENTER, VCENTER_NAME));
            fixture.given(unsuspended)
                    .when(new UnsuspendVmCommand(VM, "op-u1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(unsuspended)
                    .when(power(OWNER, "op-p", PowerAction.OFF))
                    .expectEvents(powerRequested("op-p", PowerAction.OFF));
        }

        @Test
        void onlyASuspendedVmIsUnsuspended() {
            fixture.given(active())
                    .when(new UnsuspendVmCommand(VM, "op-u1"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "ACTIVE")));
        }
    }

    /** A catalogue that offers two systems in the VM's datacenter and refuses any other as unknown. */
    private static final class TwoSystems implements PriceList {

        @Override
        public OrderQuote quote(QuoteRequest request) {
            throw new UnsupportedOperationException("a VM never asks for a quote");
        }

        @Override
        public SizeQuote quoteSize(ResizeRequest request) {
            throw new UnsupportedOperationException("a rebuild keeps the VM's size");
        }

        @Override
        public String template(DatacenterId datacenter, OperatingSystemId operatingSystem) {
            assertThat(datacenter).isEqualTo(DATACENTER);
            if (operatingSystem.equals(OPERATING_SYSTEM)) {
                return TEMPLATE;
            }
            if (operatingSystem.equals(UBUNTU)) {
                return UBUNTU_TEMPLATE;
            }
            throw new UnknownOperatingSystemException(CatalogueErrors.unknownOperatingSystem(operatingSystem));
        }
    }
}
