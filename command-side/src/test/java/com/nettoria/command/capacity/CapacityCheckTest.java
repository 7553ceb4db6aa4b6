package com.nettoria.command.capacity;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Orders (and scale-ups) are refused with {@code order.datacenter-full}, naming the resource, when what the platform
 * has allocated in the cluster plus what is asked would exceed the cluster's capacity times the datacenter's
 * ratios; a disk no datastore has room for is refused too; when vCenter cannot tell, the request goes ahead.
 */
class CapacityCheckTest {

    private static final DatacenterId TEHRAN = new DatacenterId("tehran-1");
    private static final DatacenterId MASHHAD = new DatacenterId("mashhad-1");
    private static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC0", "C0", null, null,
            List.of("ds-1"), List.of("net"));
    /** 4 cores, 16 GiB, a 1000 GiB datastore with 500 GiB free (50 GiB reserve): 16 vCPUs at 4:1. */
    private static final VCenter.Capacity CLUSTER = new VCenter.Capacity("C0", 1, 4, 8000, 8000, 100, 16_384,
            16_384, 1000, List.of(new VCenter.DatastoreSpace("ds-1", 1000, 500)));

    private final VCenter vcenter = mock(VCenter.class);
    private final CapacityAllocations allocations = mock(CapacityAllocations.class);
    private final CapacityCheck check = new CapacityCheck(vcenter, allocations, new OversubscriptionPolicy(
            ratios("4", "1.0", "1.0"), Map.of(MASHHAD, ratios("1", "1.0", "1.0"))));

    private static Oversubscription ratios(String cpu, String memory, String disk) {
        return new Oversubscription(new BigDecimal(cpu), new BigDecimal(memory), new BigDecimal(disk));
    }

    private static OrderQuote quote(DatacenterId datacenter, VmSpec spec) {
        Money price = Money.of("1000", "IRR");
        return new OrderQuote(new PlanId("p-1"), spec, datacenter, new OperatingSystemId("debian-12"),
                BillingPeriod.MONTHLY, price, price, BigDecimal.ZERO, price, PLACEMENT, "debian-12");
    }

    @BeforeEach
    void cluster() {
        when(vcenter.capacity("DC0", "C0")).thenReturn(CLUSTER);
    }

    private void allocated(long vcpus, long memoryMib, long diskGib) {
        when(allocations.allocatedIn("DC0", "C0")).thenReturn(new Resources(vcpus, memoryMib, diskGib));
    }

    @Test
    void anOrderThatFitsWhatIsLeftGoesAhead() {
        allocated(14, 14_336, 400);

        assertThatCode(() -> check.requireRoomForNewVm(quote(TEHRAN, new VmSpec(2, 2048, 100, 0))))
                .doesNotThrowAnyException();
    }

    @Test
    void anOrderForMoreVcpusThanAreLeftIsRefusedNamingCpu() {
        allocated(15, 1024, 20);

        assertThatThrownBy(() -> check.requireRoomForNewVm(quote(TEHRAN, new VmSpec(2, 1024, 20, 0))))
                .isInstanceOfSatisfying(DatacenterFullException.class, refused -> {
                    assertThat(refused.error().code()).isEqualTo(ErrorCodes.DATACENTER_FULL);
                    assertThat(refused.error().field()).isEqualTo("datacenterId");
                    assertThat(refused.error().context()).containsEntry("resource", "cpu")
                            .containsEntry("requested", "2").containsEntry("available", "1")
                            .containsEntry("datacenterId", "tehran-1");
                });
    }

    @Test
    void theDatacentersOwnRatiosApply() {
        allocated(3, 1024, 20);

        assertThatThrownBy(() -> check.requireRoomForNewVm(quote(MASHHAD, new VmSpec(2, 1024, 20, 0))))
                .isInstanceOfSatisfying(DatacenterFullException.class, refused ->
                        assertThat(refused.error().context()).containsEntry("available", "1"));
    }

    @Test
    void anOrderForMoreMemoryThanIsLeftIsRefusedNamingMemory() {
        allocated(1, 15_360, 20);

        assertThatThrownBy(() -> check.requireRoomForNewVm(quote(TEHRAN, new VmSpec(1, 2048, 20, 0))))
                .isInstanceOfSatisfying(DatacenterFullException.class, refused ->
                        assertThat(refused.error().context()).containsEntry("resource", "memory")
                                .containsEntry("available", "1024"));
    }

    @Test
    void anOrderBeyondTheDatastoresSizeIsRefusedNamingDisk() {
        allocated(1, 1024, 950);

        assertThatThrownBy(() -> check.requireRoomForNewVm(quote(TEHRAN, new VmSpec(1, 1024, 100, 0))))
                .isInstanceOfSatisfying(DatacenterFullException.class, refused ->
                        assertThat(refused.error().context()).containsEntry("resource", "disk")
                                .containsEntry("available", "50"));
    }

    @Test
    void aDiskNoDatastoreHasRoomForIsRefusedWhateverTheRatiosAllow() {
        allocated(0, 0, 0);

        assertThatThrownBy(() -> check.requireRoomForNewVm(quote(TEHRAN, new VmSpec(1, 1024, 451, 0))))
                .isInstanceOfSatisfying(DatacenterFullException.class, refused ->
                        assertThat(refused.error().context()).containsEntry("resource", "disk")
                                .containsEntry("diskGib", "451").containsEntry("available", "450"));
    }

    @Test
    void aScaleUpIsCheckedForWhatItAddsOnly() {
        allocated(14, 8192, 100);

        VmSpec from = new VmSpec(2, 2048, 20, 0);

        assertThatCode(() -> check.requireRoomToGrow(TEHRAN, PLACEMENT, "ds-1", from, new VmSpec(4, 4096, 20, 0)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check.requireRoomToGrow(TEHRAN, PLACEMENT, "ds-1", from, new VmSpec(5, 2048, 20, 0)))
                .isInstanceOfSatisfying(DatacenterFullException.class, refused ->
                        assertThat(refused.error().context()).containsEntry("resource", "cpu"));
    }

    @Test
    void aScaleUpsBiggerDiskMustFitOnTheDatastoreItLivesOn() {
        allocated(0, 0, 0);
        VmSpec from = new VmSpec(1, 1024, 20, 0);

        assertThatCode(() -> check.requireRoomToGrow(TEHRAN, PLACEMENT, "ds-1", from, new VmSpec(1, 1024, 470, 0)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check.requireRoomToGrow(TEHRAN, PLACEMENT, "ds-1", from, new VmSpec(1, 1024, 471, 0)))
                .isInstanceOfSatisfying(DatacenterFullException.class, refused ->
                        assertThat(refused.error().context()).containsEntry("resource", "disk")
                                .containsEntry("diskGib", "451"));
    }

    @Test
    void whenVcenterCannotTellTheOrderGoesAhead() {
        when(vcenter.capacity("DC0", "C0")).thenThrow(new VCenterException(VCenterException.Kind.UNAVAILABLE,
                "down", null));

        assertThatCode(() -> check.requireRoomForNewVm(quote(TEHRAN, new VmSpec(64, 1_000_000, 20, 0))))
                .doesNotThrowAnyException();
    }

    @Test
    void theViewShowsWhatIsSellableAllocatedAndLeft() {
        allocated(6, 4096, 300);

        var view = check.capacity(TEHRAN, PLACEMENT);

        assertThat(view.sellable()).isEqualTo(new Resources(16, 16_384, 1000));
        assertThat(view.allocated()).isEqualTo(new Resources(6, 4096, 300));
        assertThat(view.left()).isEqualTo(new Resources(10, 12_288, 700));
        assertThat(view.largestNewDiskGib()).isEqualTo(450);
        assertThat(view.vcenter().hosts()).isEqualTo(1);
        assertThat(view.ratios().cpu()).isEqualByComparingTo("4");
    }
}
