package com.nettoria.command.vmstats;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenter.CloneSpec;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.command.vcenter.adapter.VCenterProperties;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.nettoria.command.vcenter.adapter.vijava.VijavaVCenter;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.SampleVmStatsQuery;
import com.nettoria.coreapi.vmstats.VmQuickStats;
import com.nettoria.coreapi.vmstats.VmStatsSamples;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The VM stats query handler on the query bus, reading VMware's vCenter simulator through the vijava adapter: the
 * quick stats of the platform's VMs in a datacenter (the simulator's guest agent makes them grow from power-on),
 * nothing of VMs without the platform's name prefix.
 */
class VmStatsQueriesOnSimulatorIT {

    private static final String DC = "DC0";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static VcenterSimulator vcsim;
    private static VijavaVCenter vcenter;
    private static QueryGateway queries;

    @BeforeAll
    static void startTheSimulatorAndTheQueryBus() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        vcsim = VcenterSimulator.start(Files.createTempDirectory(tmp, "vcsim-vmstats-"),
                VcenterSimulator.Options.defaults());
        vcenter = new VijavaVCenter(VCenterProperties.of(vcsim.url(), vcsim.user(), vcsim.password())
                .withTrustStore(vcsim.certificate().toString(), null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(30),
                        Duration.ofMillis(50)));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new VmStatsQueries(vcenter, Clock.fixed(NOW, ZoneOffset.UTC)))
                .subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @AfterAll
    static void stopTheSimulator() {
        if (vcenter != null) {
            vcenter.close();
        }
        if (vcsim != null) {
            vcsim.close();
        }
    }

    private static String clone(String name) {
        vcenter.cloneFromTemplate(new CloneSpec(DC, "debian-12", name, "DC0_C0", null, "LocalDS_0", null, "it"));
        return name;
    }

    private static VmStatsSamples sample(String datacenter) {
        return queries.query(new SampleVmStatsQuery(datacenter), VmStatsSamples.class).join();
    }

    private static VmQuickStats of(VmStatsSamples samples, String name) {
        return samples.vms().stream().filter(vm -> vm.vcenterName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample of " + name + " in " + samples));
    }

    @Test
    void answersTheQuickStatsOfEveryPlatformVmOfTheDatacenterAsVcenterReportsThem() {
        String running = clone(new VmId(UUID.randomUUID().toString()).vcenterName());
        String off = clone(new VmId(UUID.randomUUID().toString()).vcenterName());
        String notOurs = clone("customer-made-" + UUID.randomUUID());
        vcenter.powerOn(DC, running);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> vcenter.vmInfo(DC, running).orElseThrow().uptimeSeconds() >= 1);

        VmStatsSamples samples = sample(DC);

        VCenter.VmInfo inVcenter = vcenter.vmInfo(DC, running).orElseThrow();
        assertThat(samples.vcenterDatacenter()).isEqualTo(DC);
        assertThat(samples.sampledAt()).isEqualTo(NOW);
        assertThat(samples.vms()).extracting(VmQuickStats::vcenterName)
                .contains(running, off).doesNotContain(notOurs)
                .allMatch(name -> name.startsWith(VmId.VCENTER_NAME_PREFIX));
        VmQuickStats on = of(samples, running);
        assertThat(on.powerState()).isEqualTo(PowerState.ON);
        assertThat(on.vcpus()).isEqualTo(inVcenter.vcpus()).isEqualTo(1);
        assertThat(on.memoryMib()).isEqualTo(inVcenter.memoryMib()).isEqualTo(1024);
        assertThat(on.cpuUsageMhz()).isPositive();
        assertThat(on.memoryUsageMib()).isPositive().isEqualTo(inVcenter.memoryUsageMib())
                .isLessThanOrEqualTo(on.memoryMib());
        assertThat(on.uptimeSeconds()).isPositive().isLessThanOrEqualTo(inVcenter.uptimeSeconds());
        assertThat(of(samples, off)).isEqualTo(new VmQuickStats(off, PowerState.OFF, 1, 1024, 0, 0, 0));
    }

    @Test
    void aDatacenterVcenterDoesNotKnowFailsTheQuery() {
        assertThatThrownBy(() -> sample("no-such-datacenter")).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(VCenterException.class);
    }
}
