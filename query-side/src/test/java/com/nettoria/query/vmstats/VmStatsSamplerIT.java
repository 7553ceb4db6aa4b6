package com.nettoria.query.vmstats;

import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.FindVmStatsHistoryQuery;
import com.nettoria.coreapi.vmstats.FindVmStatsQuery;
import com.nettoria.coreapi.vmstats.SampleVmStatsQuery;
import com.nettoria.coreapi.vmstats.VmQuickStats;
import com.nettoria.coreapi.vmstats.VmStatsHistory;
import com.nettoria.coreapi.vmstats.VmStatsPoint;
import com.nettoria.coreapi.vmstats.VmStatsSamples;
import com.nettoria.coreapi.vmstats.VmStatsView;
import com.nettoria.coreapi.vmstats.WatchVmStatsQuery;
import com.nettoria.query.identity.ReadModelDatabase;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.nettoria.query.identity.ReadModelDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * VM stats sampling against a real PostgreSQL with the query side's own migrations, on a query bus where a stand-in
 * answers {@link SampleVmStatsQuery} for the command side (the real one, on VMware's vCenter simulator, is covered
 * by the command side's {@code VmStatsQueriesOnSimulatorIT} and end to end by the ui's {@code VmStatsApiIT}). The VM
 * and catalogue read models are filled with rows as their projections write them.
 */
class VmStatsSamplerIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(60);
    static final VmStatsProperties PROPERTIES = new VmStatsProperties(true, INTERVAL, Duration.ofDays(7),
            Duration.ofSeconds(5), 10);

    final StandInCommandSide commandSide = new StandInCommandSide();
    final SettableClock clock = new SettableClock(T0);
    JdbcTemplate jdbc;
    VmStatsSampler sampler;
    QueryGateway queries;

    @BeforeEach
    void emptyReadModelsAndAQueryBusWithTheStandIn() {
        jdbc = ReadModelDatabase.emptied(DATABASE, "vm", "catalogue_datacenter", "vm_stats_current",
                "vm_stats_sample");
        jdbc.update("UPDATE vm_stats_round SET started_at = '-infinity'");
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
        sampler = sampler(jdbc, bus);
        new AnnotationQueryHandlerAdapter<>(commandSide).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new VmStatsQueryHandlers(readModel(jdbc),
                PROPERTIES.historyMaxPoints())).subscribe(bus);
        datacenter("tehran-1", "DC-Tehran");
        datacenter("mashhad-1", "DC-Mashhad");
        datacenter("empty-1", "DC-Empty");
    }

    private VmStatsReadModel readModel(JdbcTemplate jdbc) {
        return new VmStatsReadModel(jdbc, new Freshness(clock, INTERVAL));
    }

    /** A node's sampler: its own read model and transactions on the shared database, its own updates. */
    private VmStatsSampler sampler(JdbcTemplate jdbc, SimpleQueryBus bus) {
        VmStatsReadModel readModel = readModel(jdbc);
        return new VmStatsSampler(readModel, DefaultQueryGateway.builder().queryBus(bus).build(),
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                new VmStatsUpdates(readModel, bus.queryUpdateEmitter()), PROPERTIES, clock);
    }

    private void datacenter(String id, String vcenterDatacenter) {
        jdbc.update("INSERT INTO catalogue_datacenter (datacenter_id, name, vcenter_datacenter, vcenter_cluster, "
                + "vcenter_datastores, vcenter_networks, orderable, last_sequence, updated_at) "
                + "VALUES (?, ?, ?, 'Cluster-1', '{ds-1}', '{net-1}', TRUE, 0, now())", id, id, vcenterDatacenter);
    }

    private VmId vm(String datacenterId, String status) {
        VmId vmId = new VmId(UUID.randomUUID().toString());
        jdbc.update("INSERT INTO vm (vm_id, order_id, customer_id, hostname, vcpus, memory_mib, disk_gib, "
                + "traffic_gib, period, datacenter_id, operating_system_id, status, power_state, vcenter_name, "
                + "provisioning_step, created_at, updated_at, last_sequence) VALUES (?, ?, 'customer-sara', 'web', "
                + "2, 4096, 50, 1000, 'MONTHLY', ?, 'debian-12', ?, 'ON', ?, 'COMPLETE', now(), now(), 5)",
                vmId.value(), UUID.randomUUID().toString(), datacenterId, status, vmId.vcenterName());
        return vmId;
    }

    private static VmQuickStats running(VmId vmId, int cpuMhz, long memoryUsedMib, long uptime) {
        return new VmQuickStats(vmId.vcenterName(), PowerState.ON, 2, 4096, cpuMhz, memoryUsedMib, uptime);
    }

    private Optional<VmStatsView> current(VmId vmId) {
        return queries.query(new FindVmStatsQuery(vmId), ResponseTypes.optionalInstanceOf(VmStatsView.class)).join();
    }

    private VmStatsHistory history(VmId vmId, Instant from, Instant to) {
        return queries.query(new FindVmStatsHistoryQuery(vmId, from, to), VmStatsHistory.class).join();
    }

    @Test
    void aRoundRecordsTheCurrentValuesAndAHistoryPointOfEachPlatformVmFoundByItsVcenterName() {
        VmId web = vm("tehran-1", "ACTIVE");
        VmId db = vm("tehran-1", "ACTIVE");
        VmId deleted = vm("tehran-1", "DELETED");
        VmId elsewhere = vm("mashhad-1", "PROVISIONING");
        commandSide.answer("DC-Tehran", T0, running(web, 350, 1200, 3600), running(db, 90, 800, 60),
                running(deleted, 1, 1, 1), running(new VmId("not-ours"), 1, 1, 1));
        commandSide.answer("DC-Mashhad", T0, new VmQuickStats(elsewhere.vcenterName(), PowerState.OFF, 2, 4096,
                0, 0, 0));

        VmStatsSampler.Round round = sampler.sampleNow();

        assertThat(commandSide.asked).containsExactlyInAnyOrder("DC-Mashhad", "DC-Tehran");
        assertThat(round).isEqualTo(new VmStatsSampler.Round(2, 3, List.of(), 0));
        assertThat(current(web)).contains(new VmStatsView(web, PowerState.ON, 2, 4096, 350, 1200, 3600, T0, false));
        assertThat(current(db).orElseThrow().cpuUsageMhz()).isEqualTo(90);
        assertThat(current(elsewhere).orElseThrow().powerState()).isEqualTo(PowerState.OFF);
        assertThat(current(deleted)).isEmpty();
        assertThat(count(jdbc, "vm_stats_current")).isEqualTo(3);
        assertThat(history(web, T0.minusSeconds(3600), T0.plusSeconds(1)).points())
                .containsExactly(new VmStatsPoint(T0, 1, PowerState.ON, 350, 1200, 3600));
    }

    @Test
    void aRoundThatCannotSampleLeavesTheLastValuesWithTheirTimeWhichTurnStale() {
        VmId web = vm("tehran-1", "ACTIVE");
        commandSide.answer("DC-Tehran", T0, running(web, 350, 1200, 3600));
        sampler.sampleNow();
        commandSide.failing("DC-Tehran");
        clock.set(T0.plus(INTERVAL));

        VmStatsSampler.Round failed = sampler.sampleNow();

        assertThat(failed.failedDatacenters()).containsExactly("DC-Tehran");
        assertThat(failed.vmsSampled()).isZero();
        assertThat(current(web).orElseThrow()).satisfies(view -> {
            assertThat(view.sampledAt()).isEqualTo(T0);
            assertThat(view.cpuUsageMhz()).isEqualTo(350);
            assertThat(view.stale()).isFalse();
        });
        clock.set(T0.plus(INTERVAL.multipliedBy(2)).plusSeconds(1));
        assertThat(current(web).orElseThrow().stale()).isTrue();
    }

    @Test
    void aSampleOlderThanTheCurrentOneDoesNotReplaceItButJoinsTheHistory() {
        VmId web = vm("tehran-1", "ACTIVE");
        commandSide.answer("DC-Tehran", T0, running(web, 350, 1200, 3600));
        sampler.sampleNow();
        commandSide.answer("DC-Tehran", T0.minusSeconds(60), running(web, 100, 1000, 3540));

        sampler.sampleNow();

        assertThat(current(web).orElseThrow().cpuUsageMhz()).isEqualTo(350);
        assertThat(history(web, T0.minusSeconds(60), T0.plusSeconds(60)).points())
                .extracting(VmStatsPoint::cpuUsageMhz).containsExactly(100, 350);
    }

    @Test
    void historyOlderThanTheRetentionIsPrunedByTheNextRound() {
        VmId web = vm("tehran-1", "ACTIVE");
        for (int days = 8; days >= 6; days--) {
            Instant then = T0.minus(Duration.ofDays(days));
            clock.set(then);
            commandSide.answer("DC-Tehran", then, running(web, days, 1, 1));
            sampler.sampleNow();
        }
        assertThat(count(jdbc, "vm_stats_sample")).isEqualTo(3);
        clock.set(T0);
        commandSide.answer("DC-Tehran", T0, running(web, 0, 1, 1));

        VmStatsSampler.Round round = sampler.sampleNow();

        assertThat(round.samplesPruned()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT cpu_usage_mhz FROM vm_stats_sample ORDER BY sampled_at", Integer.class))
                .containsExactly(7, 6, 0);
    }

    @Test
    void theCurrentValuesOfADeletedVmAreDroppedByTheNextRound() {
        VmId web = vm("tehran-1", "ACTIVE");
        commandSide.answer("DC-Tehran", T0, running(web, 350, 1200, 3600));
        sampler.sampleNow();
        jdbc.update("UPDATE vm SET status = 'DELETED' WHERE vm_id = ?", web.value());

        sampler.sampleNow();

        assertThat(current(web)).isEmpty();
        assertThat(count(jdbc, "vm_stats_sample")).isEqualTo(1);
    }

    @Test
    void aLongRangeIsAveragedIntoAtMostTheConfiguredNumberOfBuckets() {
        VmId web = vm("tehran-1", "ACTIVE");
        for (int minute = 0; minute < 100; minute++) {
            commandSide.answer("DC-Tehran", T0.plusSeconds(60L * minute), running(web, minute, 1000 + minute, minute));
            sampler.sampleNow();
        }

        VmStatsHistory history = history(web, T0, T0.plusSeconds(6000));

        assertThat(history.bucketSeconds()).isEqualTo(600);
        assertThat(history.points()).hasSize(10);
        assertThat(history.points().get(0)).isEqualTo(new VmStatsPoint(T0, 10, PowerState.ON, 5, 1005, 9));
        assertThat(history.points()).extracting(VmStatsPoint::samples).containsOnly(10);
        assertThat(history(web, T0.plusSeconds(60), T0.plusSeconds(120)).points()).singleElement()
                .extracting(VmStatsPoint::cpuUsageMhz).isEqualTo(1);
    }

    @Test
    void aNodeSkipsTheScheduledRoundWhileAnotherNodeHoldsTheLock() throws Exception {
        VmId web = vm("tehran-1", "ACTIVE");
        commandSide.answer("DC-Tehran", T0, running(web, 350, 1200, 3600));
        DataSource database = jdbc.getDataSource();
        try (Connection otherNode = database.getConnection()) {
            otherNode.setAutoCommit(false);
            try (Statement lock = otherNode.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + VmStatsReadModel.ROUND_LOCK + ")");
            }

            assertThat(sampler.sampleIfDue()).isEmpty();

            otherNode.rollback();
        }
        assertThat(commandSide.asked).isEmpty();
        assertThat(sampler.sampleIfDue()).isPresent();
        assertThat(commandSide.asked).containsExactly("DC-Tehran");
    }

    @Test
    void aRoundOneNodeTookIsNotTakenAgainByAnotherUntilAnIntervalLater() {
        VmId web = vm("tehran-1", "ACTIVE");
        commandSide.answer("DC-Tehran", T0, running(web, 350, 1200, 3600));
        SimpleQueryBus otherBus = SimpleQueryBus.builder().build();
        StandInCommandSide otherCommandSide = new StandInCommandSide();
        new AnnotationQueryHandlerAdapter<>(otherCommandSide).subscribe(otherBus);
        VmStatsSampler otherNode = sampler(new JdbcTemplate(jdbc.getDataSource()), otherBus);

        assertThat(sampler.sampleIfDue()).isPresent();
        assertThat(otherNode.sampleIfDue()).isEmpty();
        assertThat(sampler.sampleIfDue()).isEmpty();

        jdbc.update("UPDATE vm_stats_round SET started_at = started_at - interval '60 seconds'");
        otherCommandSide.answer("DC-Tehran", T0.plus(INTERVAL), running(web, 90, 1200, 3660));
        assertThat(otherNode.sampleIfDue()).isPresent();
        assertThat(commandSide.asked).containsExactly("DC-Tehran");
        assertThat(otherCommandSide.asked).containsExactly("DC-Tehran");
        assertThat(current(web).orElseThrow().cpuUsageMhz()).isEqualTo(90);
    }

    @Test
    void aWatcherGetsTheCurrentValuesThenEachRoundsNewOnes() {
        VmId web = vm("tehran-1", "ACTIVE");
        VmId other = vm("tehran-1", "ACTIVE");
        commandSide.answer("DC-Tehran", T0, running(web, 350, 1200, 3600), running(other, 1, 1, 1));
        sampler.sampleNow();

        try (SubscriptionQueryResult<Optional<VmStatsView>, VmStatsView> watch = queries.subscriptionQuery(
                new WatchVmStatsQuery(web), ResponseTypes.optionalInstanceOf(VmStatsView.class),
                ResponseTypes.instanceOf(VmStatsView.class))) {
            assertThat(watch.initialResult().block(Duration.ofSeconds(5)).orElseThrow().sampledAt()).isEqualTo(T0);
            commandSide.answer("DC-Tehran", T0.plus(INTERVAL), running(web, 90, 1300, 3660),
                    running(other, 2, 2, 2));

            sampler.sampleNow();

            VmStatsView update = watch.updates().blockFirst(Duration.ofSeconds(5));
            assertThat(update).isEqualTo(new VmStatsView(web, PowerState.ON, 2, 4096, 90, 1300, 3660,
                    T0.plus(INTERVAL), false));
        }
    }

    /** Answers {@link SampleVmStatsQuery} as the command side would, from what a test set (or fails). */
    static final class StandInCommandSide {

        final List<String> asked = new ArrayList<>();
        private final Map<String, VmStatsSamples> answers = new HashMap<>();

        void answer(String datacenter, Instant at, VmQuickStats... vms) {
            answers.put(datacenter, new VmStatsSamples(datacenter, at, List.of(vms)));
        }

        void failing(String datacenter) {
            answers.remove(datacenter);
        }

        @QueryHandler
        public VmStatsSamples handle(SampleVmStatsQuery query) {
            asked.add(query.vcenterDatacenter());
            VmStatsSamples answer = answers.get(query.vcenterDatacenter());
            if (answer == null) {
                throw new IllegalStateException("vCenter datacenter " + query.vcenterDatacenter() + " unreachable");
            }
            return answer;
        }
    }

    static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
