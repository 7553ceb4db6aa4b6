package com.nettoria.command.reconciliation;

import com.nettoria.command.reconciliation.KnownVm.Standing;
import com.nettoria.command.reconciliation.adapter.JdbcReconciliationInventory;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ProvisioningStep;
import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmPowerStateChangedEvent;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation inventory on real PostgreSQL, fed through its projection: idempotent and replayable. */
class ReconciliationInventoryProjectionIT {

    private static final VmId VM = new VmId("9a8b7c6d-5e4f-3a2b-8c1d-0e9f8a7b6c5d");
    private static final OrderId ORDER = new OrderId("3f6c1b2a-8d4e-3a5f-9c7b-1e2d3f4a5b6c");
    private static final CustomerId CUSTOMER = new CustomerId("customer-1");
    private static final String DC = "DC-Tehran";

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private final ReconciliationInventory inventory = new JdbcReconciliationInventory(jdbc);
    private final ReconciliationInventoryProjection projection = new ReconciliationInventoryProjection(inventory);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration/command")
                .load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyInventory() {
        projection.reset();
    }

    private static VmRegisteredEvent registered() {
        return new VmRegisteredEvent(VM, ORDER, CUSTOMER, "web-1", new PlanId("basic-2"), new VmSpec(2, 4096, 40, 0),
                BillingPeriod.MONTHLY, new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"),
                new VcenterPlacement(DC, "Cluster-A", null, null, List.of("ds-1"), List.of("vlan-public")),
                "tpl-debian-12", VM.vcenterName());
    }

    private KnownVm theVm() {
        assertThat(inventory.knownVms()).hasSize(1);
        return inventory.knownVms().get(0);
    }

    private void provisionedAndOn() {
        projection.on(registered());
        projection.on(new VmPowerStateChangedEvent(VM, PowerState.UNKNOWN, PowerState.ON, "provisioning"));
        projection.on(new VmProvisionedEvent(VM, ORDER, CUSTOMER, "185.120.4.17"));
    }

    @Test
    void knowsARegisteredVmAsProvisioningUnderItsVcenterNameInItsPlacementsDatacenter() {
        projection.on(registered());
        projection.on(registered());

        assertThat(theVm()).isEqualTo(new KnownVm(VM, DC, VM.vcenterName(), Standing.PROVISIONING,
                PowerState.UNKNOWN, false));
    }

    @Test
    void knowsAProvisionedVmAsActiveWithItsLastPowerState() {
        provisionedAndOn();
        projection.on(new VmPowerStateChangedEvent(VM, PowerState.ON, PowerState.OFF, "reconciliation"));

        assertThat(theVm()).isEqualTo(new KnownVm(VM, DC, VM.vcenterName(), Standing.ACTIVE, PowerState.OFF,
                false));
        assertThat(theVm().reconcilable()).isTrue();
    }

    @Test
    void knowsAVmWithAPowerOperationUnderWayUntilTheOperationEnds() {
        provisionedAndOn();
        projection.on(new VmPowerRequestedEvent(VM, "op-1", PowerAction.FORCE_OFF, DC, VM.vcenterName()));
        assertThat(theVm().operationPending()).isTrue();
        assertThat(theVm().reconcilable()).isFalse();

        projection.on(new VmPowerStateChangedEvent(VM, PowerState.ON, PowerState.OFF, "owner"));
        projection.on(new VmOperationSucceededEvent(VM, "op-1"));

        assertThat(theVm()).isEqualTo(new KnownVm(VM, DC, VM.vcenterName(), Standing.ACTIVE, PowerState.OFF,
                false));
    }

    @Test
    void leavesAVmAloneWhileItIsRebuiltSuspendedOrUnsuspended() {
        provisionedAndOn();
        projection.on(new VmRebuildRequestedEvent(VM, "op-b1", new OperatingSystemId("debian-12"), "tpl-debian-12",
                null, null, new VmSpec(2, 4096, 40, 0), registered().placement(), VM.vcenterName(), null));
        assertThat(theVm().reconcilable()).as("rebuilding: missing from vCenter for a while").isFalse();
        projection.on(new VmOperationSucceededEvent(VM, "op-b1"));
        assertThat(theVm().reconcilable()).isTrue();

        projection.on(new VmSuspendedEvent(VM, "op-x1", "unpaid", PowerState.ON, DC, VM.vcenterName()));
        assertThat(theVm().reconcilable()).isFalse();
        projection.on(new VmPowerStateChangedEvent(VM, PowerState.ON, PowerState.OFF, "suspend"));
        projection.on(new VmOperationSucceededEvent(VM, "op-x1"));
        projection.on(new VmUnsuspendedEvent(VM, "op-u1", true, DC, VM.vcenterName()));
        assertThat(theVm().reconcilable()).isFalse();
        projection.on(new VmOperationSucceededEvent(VM, "op-u1"));

        assertThat(theVm()).isEqualTo(new KnownVm(VM, DC, VM.vcenterName(), Standing.ACTIVE, PowerState.OFF,
                false));
    }

    @Test
    void knowsAVmBeingDeletedAsDeletingAndAsActiveAgainWhenTheDeletionFailed() {
        provisionedAndOn();
        projection.on(new VmDeletionRequestedEvent(VM, "op-9", "no longer needed", DC, VM.vcenterName()));
        assertThat(theVm().standing()).isEqualTo(Standing.DELETING);

        projection.on(new VmOperationFailedEvent(VM, "op-9", "vcenter.unavailable", "connection refused"));

        assertThat(theVm()).isEqualTo(new KnownVm(VM, DC, VM.vcenterName(), Standing.ACTIVE, PowerState.ON, false));
    }

    @Test
    void knowsADestroyedVmAsDestroyedForGood() {
        provisionedAndOn();
        projection.on(new VmDeletionRequestedEvent(VM, "op-9", "no longer needed", DC, VM.vcenterName()));
        projection.on(new VmPowerStateChangedEvent(VM, PowerState.ON, PowerState.OFF, "deleted"));
        projection.on(new VmDestroyedEvent(VM, "deleted"));
        projection.on(new VmOperationSucceededEvent(VM, "op-9"));
        projection.on(new VmProvisionedEvent(VM, ORDER, CUSTOMER, "185.120.4.17")); // a stray repeat

        assertThat(theVm()).isEqualTo(new KnownVm(VM, DC, VM.vcenterName(), Standing.DESTROYED, PowerState.OFF,
                false));
    }

    @Test
    void knowsAVmWhoseProvisioningFailedAsFailed() {
        projection.on(registered());
        projection.on(new VmDestroyedEvent(VM, "provisioning failed"));
        projection.on(new VmProvisioningFailedEvent(VM, ORDER, CUSTOMER, ProvisioningStep.WAIT_FOR_IP,
                "vcenter.no-guest-ip", "no IP"));
        assertThat(theVm().standing()).isEqualTo(Standing.DESTROYED);

        projection.reset();
        projection.on(registered());
        projection.on(new VmProvisioningFailedEvent(VM, ORDER, CUSTOMER, ProvisioningStep.WAIT_FOR_IP,
                "vcenter.no-guest-ip", "no IP"));
        assertThat(theVm().standing()).isEqualTo(Standing.FAILED);
        assertThat(theVm().standing().gone()).isTrue();
    }

    @Test
    void aReplayFromZeroRebuildsTheSameInventory() {
        provisionedAndOn();
        KnownVm before = theVm();

        projection.reset();
        assertThat(inventory.knownVms()).isEmpty();
        provisionedAndOn();

        assertThat(theVm()).isEqualTo(before);
    }
}
