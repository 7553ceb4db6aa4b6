package com.nettoria.query.reconciliation;

import com.nettoria.coreapi.vm.FindVcenterOrphansQuery;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ReconciliationCompletedEvent;
import com.nettoria.coreapi.vm.VcenterOrphanFoundEvent;
import com.nettoria.coreapi.vm.VcenterOrphanView;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The vCenter orphans read model, for administrators: every VM reconciliation found in vCenter that the platform
 * does not run. A run finds each orphan it sees ({@link VcenterOrphanFoundEvent}) and then ends
 * ({@link ReconciliationCompletedEvent}); an orphan that run did not find is gone (deleted in vCenter, or adopted),
 * unless its datacenter was one the run could not ask. A run looks at every datacenter the platform has ever had a
 * VM in, which includes every datacenter an orphan was found in. The events are not an aggregate's, so they are
 * ordered only within one segment: the processor runs in one (query-side-defaults.properties). A repeated event
 * changes nothing; replayable from zero.
 */
@Component
@ProcessingGroup(VcenterOrphanProjection.PROCESSING_GROUP)
public class VcenterOrphanProjection {

    public static final String PROCESSING_GROUP = "vcenter-orphan-projection";

    private final JdbcTemplate jdbc;

    public VcenterOrphanProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Found (again): present, as this run saw it; a VM that was gone counts as found anew. */
    @EventHandler
    void on(VcenterOrphanFoundEvent event, @org.axonframework.eventhandling.Timestamp Instant foundAt) {
        Timestamp at = Timestamp.from(foundAt);
        jdbc.update("""
                INSERT INTO vcenter_orphan (vcenter_datacenter, vcenter_name, instance_uuid, power_state, known_vm_id,
                                            first_found_at, last_found_at, last_run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vcenter_datacenter, vcenter_name) DO UPDATE SET
                    instance_uuid = EXCLUDED.instance_uuid,
                    power_state = EXCLUDED.power_state,
                    known_vm_id = EXCLUDED.known_vm_id,
                    first_found_at = CASE WHEN vcenter_orphan.gone_at IS NULL THEN vcenter_orphan.first_found_at
                                          ELSE EXCLUDED.first_found_at END,
                    last_found_at = EXCLUDED.last_found_at,
                    last_run_id = EXCLUDED.last_run_id,
                    gone_at = NULL,
                    gone_run_id = NULL""",
                event.vcenterDatacenter(), event.vcenterName(), event.instanceUuid(),
                (event.powerState() == null ? PowerState.UNKNOWN : event.powerState()).name(),
                event.knownVmId() == null ? null : event.knownVmId().value(), at, at, event.runId());
    }

    /** The run is over: what it did not find, in a datacenter it could ask, is gone. */
    @EventHandler
    void on(ReconciliationCompletedEvent event) {
        String[] unavailable = event.unavailableDatacenters().toArray(String[]::new);
        jdbc.update("""
                UPDATE vcenter_orphan SET gone_at = ?, gone_run_id = ?
                WHERE gone_at IS NULL AND last_run_id <> ? AND NOT (vcenter_datacenter = ANY (?))""",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(event.completedAt()));
                    ps.setString(2, event.runId());
                    ps.setString(3, event.runId());
                    ps.setArray(4, ps.getConnection().createArrayOf("varchar", unavailable));
                });
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM vcenter_orphan");
    }

    @QueryHandler
    public List<VcenterOrphanView> handle(FindVcenterOrphansQuery query) {
        return jdbc.query("SELECT * FROM vcenter_orphan"
                + (query.includeGone() ? "" : " WHERE gone_at IS NULL")
                + " ORDER BY gone_at IS NOT NULL, last_found_at DESC, vcenter_datacenter, vcenter_name", ORPHAN);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final RowMapper<VcenterOrphanView> ORPHAN = (rs, row) -> new VcenterOrphanView(
            rs.getString("vcenter_datacenter"),
            rs.getString("vcenter_name"),
            rs.getString("instance_uuid"),
            PowerState.valueOf(rs.getString("power_state")),
            rs.getString("known_vm_id") == null ? null : new VmId(rs.getString("known_vm_id")),
            rs.getTimestamp("first_found_at").toInstant(),
            rs.getTimestamp("last_found_at").toInstant(),
            rs.getString("last_run_id"),
            instant(rs.getTimestamp("gone_at")));
}
