package com.nettoria.query.vmstats;

import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.VmQuickStats;
import com.nettoria.coreapi.vmstats.VmStatsPoint;
import com.nettoria.coreapi.vmstats.VmStatsView;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VM stats tables ({@code vm_stats_current}, {@code vm_stats_sample}, {@code vm_stats_round}) and what the
 * sampler reads of the VM and catalogue read models to know which VMs to ask vCenter about.
 */
class VmStatsReadModel {

    /** The advisory lock that one sampling round holds for its transaction ("netvmsts" as a number). */
    static final long ROUND_LOCK = 0x6e6574766d737473L;

    private static final String COLUMNS = "vm_id, power_state, vcpus, memory_mib, cpu_usage_mhz, memory_usage_mib, "
            + "uptime_seconds, sampled_at";

    private final JdbcTemplate jdbc;
    private final Freshness freshness;

    VmStatsReadModel(JdbcTemplate jdbc, Freshness freshness) {
        this.jdbc = jdbc;
        this.freshness = freshness;
    }

    // --- the round (each call inside the round's transaction)

    /** Takes the round lock if no other node holds it; it is released when the transaction ends. */
    boolean tryLockRound() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                ROUND_LOCK));
    }

    /** Waits for the round lock (a round asked for directly, after the one running ends). */
    void lockRound() {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, ROUND_LOCK);
    }

    /**
     * Whether the last round, on any node, started at least {@code gap} ago by the database's clock (one clock for
     * every node).
     */
    boolean roundDue(Duration gap) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT started_at <= now() - make_interval(secs => ?) FROM vm_stats_round WHERE id = 1",
                Boolean.class, gap.toMillis() / 1000.0));
    }

    void roundStarted() {
        jdbc.update("UPDATE vm_stats_round SET started_at = now() WHERE id = 1");
    }

    /** The vCenter datacenters where the platform has VMs that are not deleted (as the catalogue places them). */
    List<String> vcenterDatacenters() {
        return jdbc.queryForList("SELECT DISTINCT d.vcenter_datacenter FROM vm v "
                + "JOIN catalogue_datacenter d ON d.datacenter_id = v.datacenter_id "
                + "WHERE v.status <> 'DELETED' ORDER BY 1", String.class);
    }

    /** The VMs (not deleted) of a vCenter datacenter by their vCenter name. */
    Map<String, VmId> vmsByVcenterName(String vcenterDatacenter) {
        Map<String, VmId> vms = new HashMap<>();
        jdbc.query("SELECT v.vm_id, v.vcenter_name FROM vm v "
                        + "JOIN catalogue_datacenter d ON d.datacenter_id = v.datacenter_id "
                        + "WHERE v.status <> 'DELETED' AND d.vcenter_datacenter = ?",
                rs -> {
                    vms.put(rs.getString("vcenter_name"), new VmId(rs.getString("vm_id")));
                }, vcenterDatacenter);
        return vms;
    }

    /** The VM's current values (unless a newer sample is there already) and one more point of its history. */
    void record(VmId vmId, VmQuickStats stats, Instant sampledAt) {
        Timestamp at = Timestamp.from(sampledAt);
        jdbc.update("INSERT INTO vm_stats_current (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (vm_id) DO UPDATE SET power_state = EXCLUDED.power_state, "
                        + "vcpus = EXCLUDED.vcpus, memory_mib = EXCLUDED.memory_mib, "
                        + "cpu_usage_mhz = EXCLUDED.cpu_usage_mhz, memory_usage_mib = EXCLUDED.memory_usage_mib, "
                        + "uptime_seconds = EXCLUDED.uptime_seconds, sampled_at = EXCLUDED.sampled_at "
                        + "WHERE vm_stats_current.sampled_at < EXCLUDED.sampled_at",
                vmId.value(), stats.powerState().name(), stats.vcpus(), stats.memoryMib(), stats.cpuUsageMhz(),
                stats.memoryUsageMib(), stats.uptimeSeconds(), at);
        jdbc.update("INSERT INTO vm_stats_sample (vm_id, sampled_at, power_state, cpu_usage_mhz, memory_usage_mib, "
                        + "uptime_seconds) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                vmId.value(), at, stats.powerState().name(), stats.cpuUsageMhz(), stats.memoryUsageMib(),
                stats.uptimeSeconds());
    }

    /** Drops history older than {@code before} and the current values of deleted VMs; answers the samples dropped. */
    int prune(Instant before) {
        jdbc.update("DELETE FROM vm_stats_current c USING vm v WHERE v.vm_id = c.vm_id AND v.status = 'DELETED'");
        return jdbc.update("DELETE FROM vm_stats_sample WHERE sampled_at < ?", Timestamp.from(before));
    }

    // --- what the query handlers and the updates read

    Optional<VmStatsView> current(VmId vmId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vm_stats_current WHERE vm_id = ?", this::view, vmId.value())
                .stream().findFirst();
    }

    /** The current values sampled after {@code since} of the VMs among {@code vmIds}. */
    List<VmStatsView> changedSince(Instant since, Collection<VmId> vmIds) {
        if (vmIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM vm_stats_current WHERE sampled_at > ? AND vm_id = ANY (?)",
                this::view, Timestamp.from(since), vmIds.stream().map(VmId::value).toArray(String[]::new));
    }

    /** The newest sample time of any VM, if any VM was sampled. */
    Optional<Instant> newestSample() {
        Timestamp newest = jdbc.queryForObject("SELECT max(sampled_at) FROM vm_stats_current", Timestamp.class);
        return Optional.ofNullable(newest).map(Timestamp::toInstant);
    }

    /**
     * The VM's samples in {@code [from, to)}, one point per bucket of {@code bucket} counted from {@code from}
     * that has any, oldest first.
     */
    List<VmStatsPoint> history(VmId vmId, Instant from, Instant to, Duration bucket) {
        Timestamp start = Timestamp.from(from);
        return jdbc.query("SELECT min(sampled_at) AS at, count(*) AS samples, "
                        + "(array_agg(power_state ORDER BY sampled_at DESC))[1] AS power_state, "
                        + "round(avg(cpu_usage_mhz))::int AS cpu_usage_mhz, "
                        + "round(avg(memory_usage_mib))::bigint AS memory_usage_mib, "
                        + "max(uptime_seconds) AS uptime_seconds "
                        + "FROM vm_stats_sample WHERE vm_id = ? AND sampled_at >= ? AND sampled_at < ? "
                        + "GROUP BY floor(extract(epoch FROM sampled_at - ?::timestamptz) * 1000 / ?) ORDER BY at",
                (rs, row) -> new VmStatsPoint(rs.getTimestamp("at").toInstant(), rs.getInt("samples"),
                        PowerState.valueOf(rs.getString("power_state")), rs.getInt("cpu_usage_mhz"),
                        rs.getLong("memory_usage_mib"), rs.getLong("uptime_seconds")),
                vmId.value(), start, Timestamp.from(to), start, bucket.toMillis());
    }

    private VmStatsView view(ResultSet rs, int row) throws SQLException {
        Instant sampledAt = rs.getTimestamp("sampled_at").toInstant();
        return new VmStatsView(new VmId(rs.getString("vm_id")), PowerState.valueOf(rs.getString("power_state")),
                rs.getInt("vcpus"), rs.getLong("memory_mib"), rs.getInt("cpu_usage_mhz"),
                rs.getLong("memory_usage_mib"), rs.getLong("uptime_seconds"), sampledAt,
                freshness.stale(sampledAt));
    }
}
