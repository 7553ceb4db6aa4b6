package com.nettoria.command.vm;

import com.nettoria.command.common.StoredEventPayloads;
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
import com.nettoria.coreapi.vm.ReconciliationCompletedEvent;
import com.nettoria.coreapi.vm.VcenterOrphanFoundEvent;
import com.nettoria.coreapi.vm.VmConfiguredEvent;
import com.nettoria.coreapi.vm.VmCreatedEvent;
import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmIpAddressAssignedEvent;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmPowerStateChangedEvent;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmRebuiltEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotTakenEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoredEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletedEvent;
import com.nettoria.coreapi.vm.SnapshotFrequency;
import com.nettoria.coreapi.vm.VmScheduledSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotSkippedEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleClearedEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleSetEvent;
import com.nettoria.coreapi.vm.VmStatus;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmScaledEvent;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept forever: the VM events as the event store holds them since v1 must still deserialize to the same
 * values, and today's events must serialize to exactly the same fields (no accidental property such as
 * {@code VmId.vcenterName()} or {@code VcenterPlacement.network()} leaking into the stored payload). Changing an
 * event means a {@code @Revision} and an upcaster, never editing this file.
 */
class VmEventPayloadCompatibilityTest {

    private static final VmId VM = new VmId("9a8b7c6d-5e4f-3a2b-8c1d-0e9f8a7b6c5d");
    private static final OrderId ORDER = new OrderId("3f6c1b2a-8d4e-3a5f-9c7b-1e2d3f4a5b6c");
    private static final CustomerId CUSTOMER = new CustomerId("customer-1");
    private static final VmSpec SPEC = new VmSpec(2, 4096, 40, 0);
    private static final String VCENTER_NAME = "nettoria-9a8b7c6d-5e4f-3a2b-8c1d-0e9f8a7b6c5d";

    private static final String SNAPSHOT = "snap-1b4e28ba-2fa1-31d2-883f-0016d3cca427";
    private static final String SNAPSHOT_VCENTER_NAME = "nettoria-" + SNAPSHOT;
    private static final String AUTO_SNAPSHOT = "snap-6a1c1f3e-51a0-3bbd-9d3e-2b51f4f6b0a1";

    private static final StoredEventPayloads STORED = new StoredEventPayloads("/events/vm-events-v1.json");

    private static final Map<Class<?>, Object> EXPECTED = Map.ofEntries(
            entry(VmRegisteredEvent.class, new VmRegisteredEvent(VM, ORDER, CUSTOMER, "web-1", new PlanId("basic-2"),
                    SPEC, BillingPeriod.QUARTERLY, new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"),
                    new VcenterPlacement("DC-Tehran", "Cluster-A", null, null, List.of("ds-ssd-1", "ds-ssd-2"),
                            List.of("vlan-public", "vlan-backup")),
                    "tpl-debian-12", VCENTER_NAME)),
            entry(VmCreatedEvent.class, new VmCreatedEvent(VM, "vm-1042", "502e8a7c-1f3b-4d5e-9a6b-7c8d9e0f1a2b",
                    "ds-ssd-2")),
            entry(VmConfiguredEvent.class, new VmConfiguredEvent(VM, SPEC, "vlan-public")),
            entry(VmPowerStateChangedEvent.class, new VmPowerStateChangedEvent(VM, PowerState.UNKNOWN, PowerState.ON,
                    "provisioning")),
            entry(VmIpAddressAssignedEvent.class, new VmIpAddressAssignedEvent(VM, "185.120.4.17")),
            entry(VmProvisionedEvent.class, new VmProvisionedEvent(VM, ORDER, CUSTOMER, "185.120.4.17")),
            entry(VmProvisioningFailedEvent.class, new VmProvisioningFailedEvent(VM, ORDER, CUSTOMER,
                    ProvisioningStep.WAIT_FOR_IP, "vcenter.no-guest-ip",
                    "the guest reported no IP address within PT10M")),
            entry(VmPowerRequestedEvent.class, new VmPowerRequestedEvent(VM, "op-1", PowerAction.FORCE_OFF,
                    "DC-Tehran", VCENTER_NAME)),
            entry(VmDeletionRequestedEvent.class, new VmDeletionRequestedEvent(VM, "op-9", "no longer needed",
                    "DC-Tehran", VCENTER_NAME)),
            entry(VmDestroyedEvent.class, new VmDestroyedEvent(VM, "deleted")),
            entry(VmOperationSucceededEvent.class, new VmOperationSucceededEvent(VM, "op-1")),
            entry(VmOperationFailedEvent.class, new VmOperationFailedEvent(VM, "op-9", "vcenter.unavailable",
                    "vCenter kept failing: connection refused")),
            entry(VcenterOrphanFoundEvent.class, new VcenterOrphanFoundEvent("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    "DC-Tehran", VCENTER_NAME, "502e8a7c-1f3b-4d5e-9a6b-7c8d9e0f1a2b", PowerState.ON, VM)),
            entry(ReconciliationCompletedEvent.class, new ReconciliationCompletedEvent(
                    "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", Instant.parse("2026-11-27T08:00:00Z"),
                    Instant.parse("2026-11-27T08:00:04.250Z"), 42, 2, 1, List.of("DC-Shiraz"))),
            entry(VmSnapshotRequestedEvent.class, new VmSnapshotRequestedEvent(VM, "op-s1", SNAPSHOT,
                    "before upgrade", "debian 12.7", "DC-Tehran", VCENTER_NAME, SNAPSHOT_VCENTER_NAME)),
            entry(VmSnapshotTakenEvent.class, new VmSnapshotTakenEvent(VM, SNAPSHOT, "before upgrade",
                    "debian 12.7", "snapshot-17")),
            entry(VmSnapshotRestoreRequestedEvent.class, new VmSnapshotRestoreRequestedEvent(VM, "op-r1", SNAPSHOT,
                    "DC-Tehran", VCENTER_NAME, SNAPSHOT_VCENTER_NAME)),
            entry(VmSnapshotRestoredEvent.class, new VmSnapshotRestoredEvent(VM, "op-r1", SNAPSHOT)),
            entry(VmSnapshotDeletionRequestedEvent.class, new VmSnapshotDeletionRequestedEvent(VM, "op-d1",
                    SNAPSHOT, "DC-Tehran", VCENTER_NAME, SNAPSHOT_VCENTER_NAME)),
            entry(VmSnapshotDeletedEvent.class, new VmSnapshotDeletedEvent(VM, SNAPSHOT)),
            entry(VmSnapshotScheduleSetEvent.class, new VmSnapshotScheduleSetEvent(VM, SnapshotFrequency.WEEKLY,
                    "23:30", DayOfWeek.SUNDAY, 4, Instant.parse("2026-11-29T23:30:00Z"))),
            entry(VmSnapshotScheduleClearedEvent.class, new VmSnapshotScheduleClearedEvent(VM, "vm-deleted")),
            entry(VmScheduledSnapshotRequestedEvent.class, new VmScheduledSnapshotRequestedEvent(VM,
                    "scheduled-snapshot-2026-11-29T23:30Z", AUTO_SNAPSHOT, "auto-2026-11-29T23:30Z",
                    Instant.parse("2026-11-29T23:30:00Z"), Instant.parse("2026-12-06T23:30:00Z"), "DC-Tehran",
                    VCENTER_NAME, "nettoria-" + AUTO_SNAPSHOT)),
            entry(VmScheduledSnapshotSkippedEvent.class, new VmScheduledSnapshotSkippedEvent(VM,
                    Instant.parse("2026-12-06T23:30:00Z"), Instant.parse("2026-12-13T23:30:00Z"), VmStatus.SUSPENDED,
                    "the VM is SUSPENDED")),
            entry(VmRenamedEvent.class, new VmRenamedEvent(VM, "web-1", "db-2")),
            entry(VmScaleRequestedEvent.class, new VmScaleRequestedEvent(VM, "op-g1", ORDER, new PlanId("basic-2"),
                    SPEC, null, new VmSpec(4, 8192, 80, 1000), "DC-Tehran", VCENTER_NAME)),
            entry(VmScaledEvent.class, new VmScaledEvent(VM, "op-g1", new PlanId("basic-2"), SPEC, null,
                    new VmSpec(4, 8192, 80, 1000))),
            entry(VmRebuildRequestedEvent.class, new VmRebuildRequestedEvent(VM, "op-b1",
                    new OperatingSystemId("ubuntu-24-04"), "tpl-ubuntu-24-04", null, "v1.sealed-root-password", SPEC,
                    new VcenterPlacement("DC-Tehran", "Cluster-A", null, null, List.of("ds-ssd-1", "ds-ssd-2"),
                            List.of("vlan-public", "vlan-backup")),
                    VCENTER_NAME, "502e8a7c-1f3b-4d5e-9a6b-7c8d9e0f1a2b")),
            entry(VmRebuiltEvent.class, new VmRebuiltEvent(VM, "op-b1", new OperatingSystemId("ubuntu-24-04"),
                    "vm-2001", "503f9b8d-2a4c-4e6f-8b7c-8d9e0f1a2b3c", "ds-ssd-1")),
            entry(VmSuspendedEvent.class, new VmSuspendedEvent(VM, "op-x1", "invoice 1042 unpaid", PowerState.ON,
                    "DC-Tehran", VCENTER_NAME)),
            entry(VmUnsuspendedEvent.class, new VmUnsuspendedEvent(VM, "op-u1", true, "DC-Tehran", VCENTER_NAME)));

    @Test
    void storedV1PayloadsStillDeserializeToTheSameEvents() throws IOException {
        STORED.assertStoredPayloadsDeserializeTo(EXPECTED);
    }

    @Test
    void todaysEventsSerializeToExactlyTheStoredFields() throws IOException {
        STORED.assertEventsSerializeToStoredPayloads(EXPECTED);
    }

    @Test
    void everyVmEventHasAStoredPayload() {
        STORED.assertCoversEveryEventIn("com.nettoria.coreapi.vm", EXPECTED);
    }

    @Test
    void unknownFieldsAddedByALaterVersionAreIgnoredWhenReading() {
        String json = "{\"vmId\":{\"value\":\"v-1\"},\"cause\":\"deleted\",\"destroyedBy\":\"worker-2\"}";
        Object event = STORED.read(VmDestroyedEvent.class, json);
        assertThat(event).isEqualTo(new VmDestroyedEvent(new VmId("v-1"), "deleted"));
    }
}
