package com.nettoria.command.capacity;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.capacity.Resources;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a cluster may sell: its effective capacity times the datacenter's ratios, rounded down. */
class SellableCapacityTest {

    private static final List<String> ALLOWED = List.of("ds-ssd-1", "ds-ssd-2");
    private static final List<VCenter.DatastoreSpace> DATASTORES = List.of(
            new VCenter.DatastoreSpace("ds-ssd-1", 2000, 800),
            new VCenter.DatastoreSpace("ds-ssd-2", 1000, 100),
            new VCenter.DatastoreSpace("ds-iso", 5000, 5000));

    private static VCenter.Capacity cluster(int cores, long mhzTotal, long mhzEffective, long memoryMibEffective) {
        return new VCenter.Capacity("C0", 3, cores, mhzTotal, mhzEffective, 0, memoryMibEffective + 1024,
                memoryMibEffective, 0, DATASTORES);
    }

    private static Oversubscription ratios(String cpu, String memory, String disk) {
        return new Oversubscription(new BigDecimal(cpu), new BigDecimal(memory), new BigDecimal(disk));
    }

    @Test
    void sellsFourVcpusPerCoreAndTheEffectiveMemoryAndTheAllowedDatastoresByDefault() {
        Resources sellable = SellableCapacity.of(cluster(48, 96_000, 96_000, 393_216), ALLOWED,
                ratios("4", "1.0", "1.0"));

        assertThat(sellable).isEqualTo(new Resources(192, 393_216, 3000));
    }

    @Test
    void coresOfHostsThatDoNotCountForVmsAreNotSold() {
        // one of three hosts in maintenance: two thirds of the CPU is effective
        Resources sellable = SellableCapacity.of(cluster(48, 96_000, 64_000, 262_144), ALLOWED,
                ratios("4", "1.0", "1.0"));

        assertThat(sellable.vcpus()).isEqualTo(128);
    }

    @Test
    void ratiosScaleEachResourceAndRoundDown() {
        Resources sellable = SellableCapacity.of(cluster(6, 12_000, 12_000, 12_286), ALLOWED,
                ratios("0.25", "0.125", "1.5"));

        assertThat(sellable).isEqualTo(new Resources(1, 1535, 4500));
    }

    @Test
    void aClusterWithoutCpuFiguresCountsItsCoresAsTheyAre() {
        assertThat(SellableCapacity.of(cluster(8, 0, 0, 0), ALLOWED, ratios("2", "1", "1")).vcpus()).isEqualTo(16);
    }
}
