package com.nettoria.query.vm;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.FindCustomerVmsQuery;
import com.nettoria.coreapi.vm.FindVmQuery;
import com.nettoria.coreapi.vm.FindVmsQuery;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ProvisioningStep;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationSummary;
import com.nettoria.coreapi.vm.VmPage;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmScaledEvent;
import com.nettoria.coreapi.vm.VmStatus;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.query.identity.Projector;
import com.nettoria.query.identity.ReadModelDatabase;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.nettoria.query.identity.ReadModelDatabase.count;
import static com.nettoria.query.identity.ReadModelDatabase.rows;
import static com.nettoria.query.vm.VmEvents.BASIC_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VMs read model against a real PostgreSQL with the query side's own migrations. Events reach the projection
 * through Axon's annotation adapter, the way the processor hands them over.
 */
class VmProjectionIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private VmProjection projection;
    private Projector projector;
    private VmEvents vm;

    @BeforeEach
    void newProjectionOnAnEmptyReadModel() {
        jdbc = ReadModelDatabase.emptied(DATABASE, "vm");
        projection = new VmProjection(jdbc);
        projector = new Projector(projection);
        vm = VmEvents.of("customer-sara", "key-1");
    }

    @Test
    void aRegisteredVmIsProvisioningWithWhatItsOrderAskedFor() {
        projector.handle(vm.next(vm.registered("web-1")));

        VmView view = find(vm);
        assertThat(view.vmId()).isEqualTo(vm.vmId());
        assertThat(view.orderId()).isEqualTo(vm.orderId());
        assertThat(view.customerId()).isEqualTo(vm.customerId());
        assertThat(view.hostname()).isEqualTo("web-1");
        assertThat(view.planId()).isEqualTo(new PlanId("basic-2"));
        assertThat(view.spec()).isEqualTo(BASIC_2);
        assertThat(view.period()).isEqualTo(BillingPeriod.MONTHLY);
        assertThat(view.datacenterId().value()).isEqualTo("tehran-1");
        assertThat(view.operatingSystemId().value()).isEqualTo("debian-12");
        assertThat(view.status()).isEqualTo(VmStatus.PROVISIONING);
        assertThat(view.powerState()).isEqualTo(PowerState.UNKNOWN);
        assertThat(view.provisioningStep()).isEqualTo(ProvisioningStep.REGISTER);
        assertThat(view.vcenterName()).isEqualTo("nettoria-" + vm.vmId().value());
        assertThat(view.ipAddress()).isNull();
        assertThat(view.createdAt()).isEqualTo(vm.lastTime());
        assertThat(view.provisionedAt()).isNull();
        assertThat(view.lastOperation()).isNull();
    }

    @Test
    void eachProvisioningStepShowsHowFarItGotUntilTheVmIsActive() {
        List<ProvisioningStep> steps = new ArrayList<>();
        for (DomainEventMessage<?> event : vm.provisioning("web-1", "185.8.172.10")) {
            projector.handle(event);
            steps.add(find(vm).provisioningStep());
        }

        assertThat(steps).containsExactly(ProvisioningStep.REGISTER, ProvisioningStep.CLONE,
                ProvisioningStep.CONFIGURE, ProvisioningStep.POWER_ON, ProvisioningStep.WAIT_FOR_IP,
                ProvisioningStep.COMPLETE);
        VmView view = find(vm);
        assertThat(view.status()).isEqualTo(VmStatus.ACTIVE);
        assertThat(view.powerState()).isEqualTo(PowerState.ON);
        assertThat(view.ipAddress()).isEqualTo("185.8.172.10");
        assertThat(view.provisionedAt()).isEqualTo(vm.lastTime());
        assertThat(view.updatedAt()).isEqualTo(vm.lastTime());
    }

    @Test
    void aFailedProvisioningSaysWhereAndWhyAndTheVmStaysFailedOnceCleanedUp() {
        projector.handle(
                vm.next(vm.registered("web-1")),
                vm.next(vm.created()),
                vm.next(vm.configured()),
                vm.next(vm.power(PowerState.UNKNOWN, PowerState.ON, "provisioning")),
                vm.next(vm.failed(ProvisioningStep.WAIT_FOR_IP)),
                vm.next(vm.power(PowerState.ON, PowerState.OFF, "clean-up")),
                vm.next(vm.destroyed("provisioning failed")));

        VmView view = find(vm);
        assertThat(view.status()).isEqualTo(VmStatus.FAILED);
        assertThat(view.provisioningStep()).isEqualTo(ProvisioningStep.WAIT_FOR_IP);
        assertThat(view.failureCode()).isEqualTo("vcenter.timeout");
        assertThat(view.failureReason()).contains("no IP address");
        assertThat(view.powerState()).isEqualTo(PowerState.OFF);
        assertThat(view.deletedAt()).isEqualTo(vm.lastTime());
        assertThat(view.provisionedAt()).isNull();
    }

    @Test
    void powerChangesOfARunningVmLeaveItsProvisioningAlone() {
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));

        projector.handle(
                vm.next(vm.power(PowerState.ON, PowerState.OFF, "customer")),
                vm.next(vm.ip("185.8.172.11")));

        VmView view = find(vm);
        assertThat(view.powerState()).isEqualTo(PowerState.OFF);
        assertThat(view.ipAddress()).isEqualTo("185.8.172.11");
        assertThat(view.provisioningStep()).isEqualTo(ProvisioningStep.COMPLETE);
        assertThat(view.status()).isEqualTo(VmStatus.ACTIVE);
    }

    @Test
    void theLastOperationRequestedIsSummarisedWithHowItEnded() {
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));

        projector.handle(vm.next(vm.powerRequested("op-1", PowerAction.RESET)));
        Instant requestedAt = vm.lastTime();
        assertThat(find(vm).lastOperation()).isEqualTo(new VmOperationSummary("op-1", VmOperationKind.RESET,
                VmOperationStatus.REQUESTED, null, requestedAt));

        projector.handle(vm.next(vm.succeeded("op-1")));
        assertThat(find(vm).lastOperation()).isEqualTo(new VmOperationSummary("op-1", VmOperationKind.RESET,
                VmOperationStatus.SUCCEEDED, null, vm.lastTime()));

        projector.handle(
                vm.next(vm.powerRequested("op-2", PowerAction.FORCE_OFF)),
                vm.next(vm.operationFailed("op-2")));
        assertThat(find(vm).lastOperation()).isEqualTo(new VmOperationSummary("op-2", VmOperationKind.FORCE_OFF,
                VmOperationStatus.FAILED, "vcenter.task-failed", vm.lastTime()));
    }

    @Test
    void aRenameChangesTheHostNameButNotTheVcenterName() {
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));

        projector.handle(vm.next(vm.renamed("web-1", "db-2")));

        assertThat(find(vm).hostname()).isEqualTo("db-2");
        assertThat(find(vm).vcenterName()).isEqualTo(vm.vmId().vcenterName());
    }

    @Test
    void snapshotOperationsAreSummarisedLikeAnyOther() {
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));

        projector.handle(vm.next(vm.snapshotRequested("op-1", "snap-1", "a")));
        assertThat(find(vm).lastOperation().kind()).isEqualTo(VmOperationKind.SNAPSHOT);
        projector.handle(vm.next(vm.restoreRequested("op-2", "snap-1")));
        assertThat(find(vm).lastOperation().kind()).isEqualTo(VmOperationKind.RESTORE_SNAPSHOT);
        projector.handle(vm.next(vm.snapshotDeletionRequested("op-3", "snap-1")), vm.next(vm.succeeded("op-3")));
        assertThat(find(vm).lastOperation()).isEqualTo(new VmOperationSummary("op-3",
                VmOperationKind.DELETE_SNAPSHOT, VmOperationStatus.SUCCEEDED, null, vm.lastTime()));
    }

    @Test
    void theEndOfAnEarlierOperationDoesNotOverwriteTheLastOne() {
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));
        projector.handle(
                vm.next(vm.powerRequested("op-1", PowerAction.OFF)),
                vm.next(vm.powerRequested("op-2", PowerAction.ON)));
        Instant secondRequestedAt = vm.lastTime();

        projector.handle(vm.next(vm.operationFailed("op-1")));

        assertThat(find(vm).lastOperation()).isEqualTo(new VmOperationSummary("op-2", VmOperationKind.POWER_ON,
                VmOperationStatus.REQUESTED, null, secondRequestedAt));
    }

    @Test
    void aDeletedVmIsListedOnlyWhenTheCustomerAsksForDeletedOnes() {
        VmEvents kept = VmEvents.of("customer-sara", "key-2");
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));
        projector.handle(kept.provisioning("web-2", "185.8.172.20"));
        projector.handle(
                vm.next(vm.deletionRequested("op-delete"), VmEvents.request("customer-sara", "customer-request")),
                vm.next(vm.power(PowerState.ON, PowerState.OFF, "deletion")),
                vm.next(vm.destroyed("deleted by the customer")),
                vm.next(vm.succeeded("op-delete")));

        VmView deleted = find(vm);
        assertThat(deleted.status()).isEqualTo(VmStatus.DELETED);
        assertThat(deleted.deletedAt()).isEqualTo(vm.lastTime().minusSeconds(1));
        assertThat(deleted.lastOperation().kind()).isEqualTo(VmOperationKind.DELETE);
        assertThat(deleted.lastOperation().status()).isEqualTo(VmOperationStatus.SUCCEEDED);
        CustomerId sara = new CustomerId("customer-sara");
        assertThat(projection.handle(new FindCustomerVmsQuery(sara, false, 0, 20)).items())
                .extracting(VmView::vmId).containsExactly(kept.vmId());
        VmPage all = projection.handle(new FindCustomerVmsQuery(sara, true, 0, 20));
        assertThat(all.items()).extracting(VmView::vmId).containsExactlyInAnyOrder(kept.vmId(), vm.vmId());
        assertThat(all.totalItems()).isEqualTo(2);
    }

    @Test
    void aCustomerSeesOnlyTheirOwnVmsNewestFirstAPageAtATime() {
        VmEvents first = new VmEvents(new CustomerId("customer-sara"), "a", VmEvents.START);
        VmEvents second = new VmEvents(new CustomerId("customer-sara"), "b", VmEvents.START.plusSeconds(60));
        VmEvents third = new VmEvents(new CustomerId("customer-sara"), "c", VmEvents.START.plusSeconds(120));
        VmEvents someoneElses = new VmEvents(new CustomerId("customer-reza"), "a", VmEvents.START.plusSeconds(180));
        for (VmEvents each : List.of(first, second, third, someoneElses)) {
            projector.handle(each.next(each.registered("host")));
        }
        CustomerId sara = new CustomerId("customer-sara");

        VmPage firstPage = projection.handle(new FindCustomerVmsQuery(sara, false, 0, 2));
        VmPage secondPage = projection.handle(new FindCustomerVmsQuery(sara, false, 1, 2));

        assertThat(firstPage.items()).extracting(VmView::vmId).containsExactly(third.vmId(), second.vmId());
        assertThat(firstPage.totalItems()).isEqualTo(3);
        assertThat(secondPage.items()).extracting(VmView::vmId).containsExactly(first.vmId());
    }

    @Test
    void administratorsListEveryonesVmsByStatusAndCustomer() {
        VmEvents sara = new VmEvents(new CustomerId("customer-sara"), "a", VmEvents.START);
        VmEvents reza = new VmEvents(new CustomerId("customer-reza"), "a", VmEvents.START.plusSeconds(60));
        VmEvents rezaActive = new VmEvents(new CustomerId("customer-reza"), "b", VmEvents.START.plusSeconds(120));
        projector.handle(sara.next(sara.registered("one")), reza.next(reza.registered("two")));
        projector.handle(rezaActive.provisioning("three", "185.8.172.30"));

        assertThat(projection.handle(new FindVmsQuery(null, null, 0, 20)).items()).extracting(VmView::vmId)
                .containsExactly(rezaActive.vmId(), reza.vmId(), sara.vmId());
        assertThat(projection.handle(new FindVmsQuery(VmStatus.ACTIVE, null, 0, 20)).items())
                .extracting(VmView::vmId).containsExactly(rezaActive.vmId());
        assertThat(projection.handle(new FindVmsQuery(VmStatus.PROVISIONING, new CustomerId("customer-reza"), 0, 20))
                .items()).extracting(VmView::vmId).containsExactly(reza.vmId());
        assertThat(projection.handle(new FindVmsQuery(null, new CustomerId("customer-reza"), 0, 20)).totalItems())
                .isEqualTo(2);
    }

    @Test
    void theSameEventsHandledTwiceChangeNothingAndOlderOnesDoNotGoBack() {
        List<DomainEventMessage<?>> stream = new ArrayList<>(vm.provisioning("web-1", "185.8.172.10"));
        stream.add(vm.next(vm.powerRequested("op-1", PowerAction.OFF)));
        stream.add(vm.next(vm.power(PowerState.ON, PowerState.OFF, "customer")));
        stream.add(vm.next(vm.succeeded("op-1")));
        projector.handle(stream);
        List<String> before = rows(jdbc, "vm", "vm_id");

        projector.handle(stream);
        projector.handle(stream.get(3));

        assertThat(rows(jdbc, "vm", "vm_id")).isEqualTo(before);
        assertThat(find(vm).powerState()).isEqualTo(PowerState.OFF);
    }

    @Test
    void theWholeStreamHandledAgainAfterAResetRebuildsTheSameReadModel() {
        VmEvents failed = VmEvents.of("customer-reza", "key-9");
        List<DomainEventMessage<?>> stream = new ArrayList<>(vm.provisioning("web-1", "185.8.172.10"));
        stream.add(failed.next(failed.registered("db-1")));
        stream.add(failed.after(Duration.ofMinutes(10), failed.failed(ProvisioningStep.CLONE),
                VmEvents.request("system", "system")));
        stream.add(vm.next(vm.powerRequested("op-1", PowerAction.RESET)));
        projector.handle(stream);
        List<String> before = rows(jdbc, "vm", "vm_id");

        projector.reset();
        assertThat(count(jdbc, "vm")).isZero();
        projector.handle(stream);

        assertThat(rows(jdbc, "vm", "vm_id")).isEqualTo(before);
    }

    @Test
    void anUnknownVmIsNotFound() {
        assertThat(projection.handle(new FindVmQuery(vm.vmId()))).isEmpty();
    }

    @Test
    void aScaleShowsAsTheLastOperationAndTheNewPlanAndSizeOnceVcenterRanIt() {
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));
        VmSpec bigger = new VmSpec(4, 8192, 80, 2000);
        projector.handle(vm.next(new VmScaleRequestedEvent(vm.vmId(), "op-scale", vm.orderId(),
                new PlanId("basic-2"), BASIC_2, new PlanId("pro-4"), bigger, "DC-Tehran", "nettoria-" + vm.vmId())));

        VmView requested = find(vm);
        assertThat(requested.spec()).isEqualTo(BASIC_2);
        assertThat(requested.lastOperation().kind()).isEqualTo(VmOperationKind.SCALE);
        assertThat(requested.lastOperation().status()).isEqualTo(VmOperationStatus.REQUESTED);

        projector.handle(vm.next(new VmScaledEvent(vm.vmId(), "op-scale", new PlanId("basic-2"), BASIC_2,
                new PlanId("pro-4"), bigger)), vm.next(vm.succeeded("op-scale")));

        VmView scaled = find(vm);
        assertThat(scaled.planId()).isEqualTo(new PlanId("pro-4"));
        assertThat(scaled.spec()).isEqualTo(bigger);
        assertThat(scaled.lastOperation().status()).isEqualTo(VmOperationStatus.SUCCEEDED);
    }

    private VmView find(VmEvents events) {
        return projection.handle(new FindVmQuery(events.vmId())).orElseThrow();
    }
}
