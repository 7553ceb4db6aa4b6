package com.nettoria.command.vm;

import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmCreatedCommand;
import com.nettoria.coreapi.vm.VmConfiguredEvent;
import com.nettoria.coreapi.vm.VmStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.nettoria.command.common.Refusals.refusal;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.SPEC;
import static com.nettoria.command.order.OrderTestData.STRANGER;
import static com.nettoria.command.vm.VmTestData.IP;
import static com.nettoria.command.vm.VmTestData.NETWORK;
import static com.nettoria.command.vm.VmTestData.PROVISIONING;
import static com.nettoria.command.vm.VmTestData.VM;
import static com.nettoria.command.vm.VmTestData.active;
import static com.nettoria.command.vm.VmTestData.complete;
import static com.nettoria.command.vm.VmTestData.configured;
import static com.nettoria.command.vm.VmTestData.created;
import static com.nettoria.command.vm.VmTestData.delete;
import static com.nettoria.command.vm.VmTestData.deletionRequested;
import static com.nettoria.command.vm.VmTestData.destroyed;
import static com.nettoria.command.vm.VmTestData.failProvisioning;
import static com.nettoria.command.vm.VmTestData.failed;
import static com.nettoria.command.vm.VmTestData.failedWith;
import static com.nettoria.command.vm.VmTestData.ipAssigned;
import static com.nettoria.command.vm.VmTestData.operationFailed;
import static com.nettoria.command.vm.VmTestData.operationSucceeded;
import static com.nettoria.command.vm.VmTestData.power;
import static com.nettoria.command.vm.VmTestData.powerChanged;
import static com.nettoria.command.vm.VmTestData.powerRequested;
import static com.nettoria.command.vm.VmTestData.provisioned;
import static com.nettoria.command.vm.VmTestData.provisioning;
import static com.nettoria.command.vm.VmTestData.provisioningFailed;
import static com.nettoria.command.vm.VmTestData.recordConfigured;
import static com.nettoria.command.vm.VmTestData.recordCreated;
import static com.nettoria.command.vm.VmTestData.recordDestroyed;
import static com.nettoria.command.vm.VmTestData.recordIp;
import static com.nettoria.command.vm.VmTestData.recordPowerState;
import static com.nettoria.command.vm.VmTestData.register;
import static com.nettoria.command.vm.VmTestData.registered;
import static com.nettoria.command.vm.VmTestData.succeeded;

/**
 * A VM's life from its past events: what the provisioning saga and the operations worker record about it in
 * vCenter (every record tolerates repeats), and what its owner may ask of it.
 */
class VirtualMachineTest {

    private static final String NOT_FOUND = "vm.not-found";
    private static final String ILLEGAL_STATE = "vm.illegal-state";

    private FixtureConfiguration<VirtualMachine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VirtualMachine.class);
    }

    private static Map<String, String> status(VmStatus status) {
        return Map.of("status", status.name());
    }

    @Nested
    class Registration {

        @Test
        void registeringAPaidOrdersVmRecordsItUnderItsPlatformNameInVcenter() {
            fixture.givenNoPriorActivity()
                    .when(register())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered())
                    .expectResultMessagePayload(VM);
        }

        @Test
        void registeringTheSameVmAgainChangesNothing() {
            fixture.given(registered())
                    .when(register())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(VM);
        }
    }

    @Nested
    class ProvisioningRecords {

        @Test
        void recordsThatVcenterHoldsTheVm() {
            fixture.given(registered())
                    .when(recordCreated())
                    .expectEvents(created());
        }

        @Test
        void recordingTheCreationAgainChangesNothing() {
            fixture.given(registered(), created())
                    .when(new RecordVmCreatedCommand(VM, "vm-2001", "another-uuid", "ds-ssd-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsTheConfigurationWithTheRegisteredSize() {
            fixture.given(registered(), created())
                    .when(recordConfigured())
                    .expectEvents(new VmConfiguredEvent(VM, SPEC, NETWORK));
        }

        @Test
        void recordingTheConfigurationAgainChangesNothing() {
            fixture.given(registered(), created(), configured())
                    .when(recordConfigured())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsAPowerStateChangeWithTheStateItChangedFrom() {
            fixture.given(provisioning())
                    .when(recordPowerState(PowerState.ON, PROVISIONING))
                    .expectEvents(powerChanged(PowerState.UNKNOWN, PowerState.ON, PROVISIONING));
            fixture.given(active())
                    .when(recordPowerState(PowerState.OFF, "reconciliation"))
                    .expectEvents(powerChanged(PowerState.ON, PowerState.OFF, "reconciliation"));
        }

        @Test
        void recordingThePowerStateTheVmAlreadyHasChangesNothing() {
            fixture.given(active())
                    .when(recordPowerState(PowerState.ON, "power-on"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsTheIpAddressTheGuestReported() {
            fixture.given(provisioning(powerChanged(PowerState.UNKNOWN, PowerState.ON, PROVISIONING)))
                    .when(recordIp(IP))
                    .expectEvents(ipAssigned(IP));
        }

        @Test
        void recordingTheSameIpAddressAgainChangesNothing() {
            fixture.given(active())
                    .when(recordIp(IP))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsANewIpAddress() {
            fixture.given(active())
                    .when(recordIp("185.120.4.99"))
                    .expectEvents(ipAssigned("185.120.4.99"));
        }

        @Test
        void nothingIsRecordedAboutAVmThatWasDestroyed() {
            fixture.given(failed(destroyed("provisioning-failed")))
                    .when(recordConfigured())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(registered(), destroyed("provisioning-failed"))
                    .when(recordCreated())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(active(deletionRequested("op-9"), destroyed("deleted")))
                    .when(recordPowerState(PowerState.ON, "reconciliation"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(active(deletionRequested("op-9"), destroyed("deleted")))
                    .when(recordIp("185.120.4.99"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class CompletingProvisioning {

        @Test
        void completingProvisioningHandsTheVmOverWithItsIpAddress() {
            fixture.given(provisioning(powerChanged(PowerState.UNKNOWN, PowerState.ON, PROVISIONING), ipAssigned(IP)))
                    .when(complete())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(provisioned());
        }

        @Test
        void completingAgainChangesNothing() {
            fixture.given(active())
                    .when(complete())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToCompleteAFailedProvisioning() {
            fixture.given(failed())
                    .when(complete())
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.FAILED)))
                    .expectNoEvents();
        }
    }

    @Nested
    class FailingProvisioning {

        @Test
        void recordsWhereAndWhyProvisioningFailed() {
            fixture.given(registered(), created())
                    .when(failProvisioning())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(provisioningFailed());
        }

        @Test
        void failingAgainChangesNothing() {
            fixture.given(failed())
                    .when(failProvisioning())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToFailTheProvisioningOfAnActiveVm() {
            fixture.given(active())
                    .when(failProvisioning())
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.ACTIVE)))
                    .expectNoEvents();
        }
    }

    @Nested
    class PowerRequests {

        @Test
        void theOwnerAsksForAPowerActionInTheVmsVcenterDatacenterAndName() {
            fixture.given(active())
                    .when(power(OWNER, "op-1", PowerAction.OFF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(powerRequested("op-1", PowerAction.OFF));
        }

        @Test
        void someoneElseSVmIsAnsweredAsIfItDidNotExist() {
            fixture.given(active())
                    .when(power(STRANGER, "op-1", PowerAction.RESET))
                    .expectException(refusal(VmRefusal.class, NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void anAdministratorMayChangeThePowerOfAnyVm() {
            fixture.given(active())
                    .when(power(null, "op-1", PowerAction.FORCE_OFF))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(powerRequested("op-1", PowerAction.FORCE_OFF));
        }

        @Test
        void theSameOperationAskedAgainChangesNothing() {
            fixture.given(active(powerRequested("op-1", PowerAction.OFF)))
                    .when(power(OWNER, "op-1", PowerAction.OFF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theSameOperationAskedAgainAfterItFinishedChangesNothing() {
            fixture.given(active(powerRequested("op-1", PowerAction.OFF), operationSucceeded("op-1")))
                    .when(power(OWNER, "op-1", PowerAction.OFF))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherOperationIsANewRequest() {
            fixture.given(active(powerRequested("op-1", PowerAction.OFF), operationSucceeded("op-1")))
                    .when(power(OWNER, "op-2", PowerAction.ON))
                    .expectEvents(powerRequested("op-2", PowerAction.ON));
        }

        @Test
        void refusesPowerActionsWhileTheVmIsProvisioned() {
            fixture.given(provisioning())
                    .when(power(OWNER, "op-1", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.PROVISIONING)))
                    .expectNoEvents();
        }

        @Test
        void refusesPowerActionsOnAVmWhoseProvisioningFailed() {
            fixture.given(failed())
                    .when(power(OWNER, "op-1", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.FAILED)))
                    .expectNoEvents();
        }

        @Test
        void refusesPowerActionsOnceDeletionWasRequested() {
            fixture.given(active(deletionRequested("op-9")))
                    .when(power(OWNER, "op-1", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.DELETED)))
                    .expectNoEvents();
        }

        @Test
        void refusesPowerActionsOnADeletedVm() {
            fixture.given(active(deletionRequested("op-9"), operationSucceeded("op-9"), destroyed("deleted")))
                    .when(power(OWNER, "op-1", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.DELETED)))
                    .expectNoEvents();
        }
    }

    @Nested
    class Deletion {

        @Test
        void theOwnerAsksToDeleteTheVmInItsVcenterDatacenterAndName() {
            fixture.given(active())
                    .when(delete(OWNER, "op-9"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(deletionRequested("op-9"));
        }

        @Test
        void someoneElseCannotDeleteTheVm() {
            fixture.given(active())
                    .when(delete(STRANGER, "op-9"))
                    .expectException(refusal(VmRefusal.class, NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesToDeleteAVmWhileItIsProvisioned() {
            fixture.given(provisioning())
                    .when(delete(OWNER, "op-9"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.PROVISIONING)))
                    .expectNoEvents();
        }

        @Test
        void askingToDeleteTwiceChangesNothing() {
            fixture.given(active(deletionRequested("op-9")))
                    .when(delete(OWNER, "op-9"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherDeletionRequestWhileOneIsUnderWayChangesNothing() {
            fixture.given(active(deletionRequested("op-9")))
                    .when(delete(OWNER, "op-10"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void deletingADeletedVmChangesNothing() {
            fixture.given(active(deletionRequested("op-9"), operationSucceeded("op-9"), destroyed("deleted")))
                    .when(delete(OWNER, "op-10"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aFailedDeletionLetsTheOwnerAskAgain() {
            fixture.given(active(deletionRequested("op-9"), operationFailed("op-9", "vcenter.unavailable", "down")))
                    .when(delete(OWNER, "op-10"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(deletionRequested("op-10"));
        }

        @Test
        void aFailedDeletionLeavesTheVmActiveForPowerActions() {
            fixture.given(active(deletionRequested("op-9"), operationFailed("op-9", "vcenter.unavailable", "down")))
                    .when(power(OWNER, "op-10", PowerAction.RESET))
                    .expectEvents(powerRequested("op-10", PowerAction.RESET));
        }
    }

    @Nested
    class Destruction {

        @Test
        void recordsThatTheVmNoLongerExistsInVcenter() {
            fixture.given(active(deletionRequested("op-9")))
                    .when(recordDestroyed("deleted"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(destroyed("deleted"));
        }

        @Test
        void recordingTheDestructionAgainChangesNothing() {
            fixture.given(active(deletionRequested("op-9"), destroyed("deleted")))
                    .when(recordDestroyed("deleted"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aVmDestroyedAfterItsProvisioningFailedStaysFailed() {
            // still FAILED: failing again is the harmless repeat it is for a failed VM
            fixture.given(failed(destroyed("provisioning-failed")))
                    .when(failProvisioning())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(failed(destroyed("provisioning-failed")))
                    .when(power(null, "op-1", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.FAILED)));
        }

        @Test
        void aVmDestroyedAfterItsDeletionIsDeleted() {
            // while the deletion is under way the VM is still ACTIVE: completing it again is a harmless repeat
            fixture.given(active(deletionRequested("op-9")))
                    .when(complete())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(active(deletionRequested("op-9"), destroyed("deleted")))
                    .when(complete())
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.DELETED)));
            fixture.given(active(deletionRequested("op-9"), destroyed("deleted")))
                    .when(failProvisioning())
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.DELETED)));
        }

        @Test
        void anActiveVmFoundGoneFromVcenterIsDeleted() {
            fixture.given(active(destroyed("reconciliation")))
                    .when(power(OWNER, "op-1", PowerAction.ON))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, status(VmStatus.DELETED)))
                    .expectNoEvents();
        }
    }

    @Nested
    class OperationResults {

        @Test
        void recordsThatAPendingOperationSucceeded() {
            fixture.given(active(powerRequested("op-1", PowerAction.OFF)))
                    .when(succeeded("op-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(operationSucceeded("op-1"));
        }

        @Test
        void recordsWhyAPendingOperationFailed() {
            fixture.given(active(powerRequested("op-1", PowerAction.OFF)))
                    .when(failedWith("op-1", "vcenter.unavailable", "vCenter did not answer"))
                    .expectEvents(operationFailed("op-1", "vcenter.unavailable", "vCenter did not answer"));
        }

        @Test
        void recordsTheOutcomeOfAPendingDeletion() {
            fixture.given(active(deletionRequested("op-9"), destroyed("deleted")))
                    .when(succeeded("op-9"))
                    .expectEvents(operationSucceeded("op-9"));
        }

        @Test
        void theOutcomeOfAnOperationIsRecordedOnce() {
            fixture.given(active(powerRequested("op-1", PowerAction.OFF), operationSucceeded("op-1")))
                    .when(succeeded("op-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(active(powerRequested("op-1", PowerAction.OFF), operationSucceeded("op-1")))
                    .when(failedWith("op-1", "vcenter.unavailable", "late"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theOutcomeOfAnOperationNobodyAskedForIsIgnored() {
            fixture.given(active())
                    .when(succeeded("op-unknown"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
