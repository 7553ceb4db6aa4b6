package com.nettoria.coreapi.capacity;

import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VmSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What is left to sell, and whether a VM of a size still fits in it. */
class DatacenterCapacityViewTest {

    private static DatacenterCapacityView leaving(Resources left, long largestNewDiskGib) {
        Resources sellable = new Resources(100, 100_000, 10_000);
        return new DatacenterCapacityView(new DatacenterId("tehran-1"),
                new VcenterCapacityView("DC0", "DC0_C0", 3, 6, 12_000, 12_000, 0, 12_288, 12_288, 0, List.of()),
                new Oversubscription(BigDecimal.valueOf(4), BigDecimal.ONE, BigDecimal.ONE), sellable,
                sellable.minus(left), left, largestNewDiskGib);
    }

    @Test
    void whatIsLeftIsNeverNegative() {
        assertThat(new Resources(4, 4096, 100).minus(new Resources(6, 1024, 150)))
                .isEqualTo(new Resources(0, 3072, 0));
    }

    @Test
    void theFirstResourceShortIsNamedInTheOrderCpuMemoryDisk() {
        Resources left = new Resources(2, 2048, 40);

        assertThat(left.firstShortOf(new Resources(2, 2048, 40))).isEmpty();
        assertThat(left.firstShortOf(new Resources(3, 4096, 80))).contains(CapacityResource.CPU);
        assertThat(left.firstShortOf(new Resources(1, 4096, 80))).contains(CapacityResource.MEMORY);
        assertThat(left.firstShortOf(new Resources(1, 1024, 41))).contains(CapacityResource.DISK);
        assertThat(CapacityResource.MEMORY.code()).isEqualTo("memory");
    }

    @Test
    void aVmFitsWhenEveryResourceAndOneDatastoreHaveRoomForIt() {
        DatacenterCapacityView capacity = leaving(new Resources(2, 2048, 40), 30);

        assertThat(capacity.fits(new VmSpec(2, 2048, 30, 0))).isTrue();
        assertThat(capacity.fits(new VmSpec(2, 2048, 31, 0))).as("no datastore has room for 31 GiB").isFalse();
        assertThat(capacity.fits(new VmSpec(3, 1024, 20, 0))).as("one vCPU too many").isFalse();
        assertThat(capacity.fits(new VmSpec(1, 4096, 20, 0))).as("memory").isFalse();
    }
}
