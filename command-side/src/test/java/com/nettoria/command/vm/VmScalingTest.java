package com.nettoria.command.vm;

import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.RecordVmScaledCommand;
import com.nettoria.coreapi.vm.RequestVmScaleCommand;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmScaledEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.nettoria.command.common.Refusals.refusal;
import static com.nettoria.command.order.OrderTestData.ORDER;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.PLAN;
import static com.nettoria.command.order.OrderTestData.SPEC;
import static com.nettoria.command.order.OrderTestData.STRANGER;
import static com.nettoria.command.vm.VmTestData.VCENTER_DATACENTER;
import static com.nettoria.command.vm.VmTestData.VCENTER_NAME;
import static com.nettoria.command.vm.VmTestData.VM;
import static com.nettoria.command.vm.VmTestData.active;
import static com.nettoria.command.vm.VmTestData.deletionRequested;
import static com.nettoria.command.vm.VmTestData.operationFailed;
import static com.nettoria.command.vm.VmTestData.operationSucceeded;
import static com.nettoria.command.vm.VmTestData.provisioning;

/**
 * Scaling a VM from its past events: it only grows, one scale at a time, only while active and only for its owner;
 * it keeps its size until the operations worker records that vCenter runs it at the new one.
 */
class VmScalingTest {

    private static final PlanId BIGGER_PLAN = new PlanId("pro-4");
    private static final VmSpec BIGGER = new VmSpec(4, 8192, 80, 0);

    private FixtureConfiguration<VirtualMachine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VirtualMachine.class);
    }

    private static RequestVmScaleCommand scale(CustomerId by, String operationId, VmSpec to) {
        return new RequestVmScaleCommand(VM, by, operationId, BIGGER_PLAN, to);
    }

    private static VmScaleRequestedEvent scaleRequested(String operationId) {
        return new VmScaleRequestedEvent(VM, operationId, ORDER, PLAN, SPEC, BIGGER_PLAN, BIGGER, VCENTER_DATACENTER,
                VCENTER_NAME);
    }

    private static List<Object> activeAnd(Object... more) {
        return new ArrayList<>(active(more));
    }

    @Test
    void anActiveVmOfItsOwnerIsAskedToGrowAndKeepsItsSizeUntilVcenterRanIt() {
        fixture.given(active())
                .when(scale(OWNER, "scale-1", BIGGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scaleRequested("scale-1"));
    }

    @Test
    void theSameScaleAgainIsANoOp() {
        fixture.given(activeAnd(scaleRequested("scale-1")))
                .when(scale(OWNER, "scale-1", BIGGER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsTheNewSizeOnceVcenterRunsIt() {
        fixture.given(activeAnd(scaleRequested("scale-1")))
                .when(new RecordVmScaledCommand(VM, "scale-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VmScaledEvent(VM, "scale-1", PLAN, SPEC, BIGGER_PLAN, BIGGER));
    }

    @Test
    void recordingTheNewSizeAgainIsANoOp() {
        fixture.given(activeAnd(scaleRequested("scale-1"),
                        new VmScaledEvent(VM, "scale-1", PLAN, SPEC, BIGGER_PLAN, BIGGER)))
                .when(new RecordVmScaledCommand(VM, "scale-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aGrownVmIsComparedWithItsNewSize() {
        fixture.given(activeAnd(scaleRequested("scale-1"),
                        new VmScaledEvent(VM, "scale-1", PLAN, SPEC, BIGGER_PLAN, BIGGER),
                        operationSucceeded("scale-1")))
                .when(scale(OWNER, "scale-2", new VmSpec(4, 8192, 60, 0)))
                .expectException(refusal(VmRefusal.class, "vm.scale-down", Map.of("resource", "diskGib",
                        "current", "80", "requested", "60")));
    }

    @Test
    void refusesAnyResourceThatWouldShrinkNamingIt() {
        fixture.given(active())
                .when(new RequestVmScaleCommand(VM, OWNER, "scale-1", null, new VmSpec(4, 2048, 80, 0)))
                .expectException(refusal(VmRefusal.class, "vm.scale-down", Map.of("resource", "memoryMib")));
    }

    @Test
    void refusesTheSizeItHasAsNothingToChange() {
        fixture.given(active())
                .when(scale(OWNER, "scale-1", new VmSpec(SPEC.vcpus(), SPEC.memoryMib(), SPEC.diskGib(), 1000)))
                .expectException(refusal(VmRefusal.class, "vm.scale-unchanged"));
    }

    @Test
    void refusesASecondScaleWhileOneIsUnderWay() {
        fixture.given(activeAnd(scaleRequested("scale-1")))
                .when(scale(OWNER, "scale-2", new VmSpec(8, 16384, 100, 0)))
                .expectException(refusal(VmRefusal.class, "vm.scale-in-progress", Map.of("operationId", "scale-1")));
    }

    @Test
    void aFailedScaleLeavesTheSizeAsItWasAndTheOwnerMayAskAgain() {
        fixture.given(activeAnd(scaleRequested("scale-1"), operationFailed("scale-1", "vcenter.rejected", "no")))
                .when(scale(OWNER, "scale-2", BIGGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new VmScaleRequestedEvent(VM, "scale-2", ORDER, PLAN, SPEC, BIGGER_PLAN, BIGGER,
                        VCENTER_DATACENTER, VCENTER_NAME));
    }

    @Test
    void someoneElsesVmIsNotFound() {
        fixture.given(active())
                .when(scale(STRANGER, "scale-1", BIGGER))
                .expectException(refusal(VmRefusal.class, "vm.not-found"));
    }

    @Test
    void aVmThatIsNotActiveCannotGrow() {
        fixture.given(provisioning())
                .when(scale(OWNER, "scale-1", BIGGER))
                .expectException(refusal(VmRefusal.class, "vm.illegal-state", Map.of("status", "PROVISIONING")));
        fixture.given(active(deletionRequested("delete-1")))
                .when(scale(OWNER, "scale-1", BIGGER))
                .expectException(refusal(VmRefusal.class, "vm.illegal-state", Map.of("status", "DELETED")));
    }

    @Test
    void aPowerActionDoesNotCountAsAScaleUnderWay() {
        fixture.given(activeAnd(VmTestData.powerRequested("power-1", PowerAction.OFF)))
                .when(scale(OWNER, "scale-1", BIGGER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scaleRequested("scale-1"));
    }
}
