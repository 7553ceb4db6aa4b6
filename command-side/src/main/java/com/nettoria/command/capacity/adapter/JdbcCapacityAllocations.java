package com.nettoria.command.capacity.adapter;

import com.nettoria.command.capacity.CapacityAllocations;
import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.vm.VmId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The allocations in PostgreSQL's {@code capacity_allocation} table, written in the event processor's transaction.
 * Inserts ignore a row that exists and releases only set a flag, so repeats are no-ops.
 */
public class JdbcCapacityAllocations implements CapacityAllocations {

    private final JdbcTemplate jdbc;

    public JdbcCapacityAllocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ordered(String allocationId, DatacenterId datacenterId, String vcenterDatacenter, String cluster,
                        VmSpec spec) {
        jdbc.update("""
                INSERT INTO capacity_allocation (allocation_id, datacenter_id, vcenter_datacenter, cluster, vcpus,
                                                 memory_mib, disk_gib, released)
                VALUES (?, ?, ?, ?, ?, ?, ?, FALSE) ON CONFLICT (allocation_id) DO NOTHING""",
                allocationId, datacenterId.value(), vcenterDatacenter, cluster, spec.vcpus(), spec.memoryMib(),
                spec.diskGib());
    }

    @Override
    public void vmRegistered(String allocationId, VmId vmId, DatacenterId datacenterId, String vcenterDatacenter,
                             String cluster, VmSpec spec) {
        jdbc.update("""
                INSERT INTO capacity_allocation (allocation_id, vm_id, datacenter_id, vcenter_datacenter, cluster,
                                                 vcpus, memory_mib, disk_gib, released)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)
                ON CONFLICT (allocation_id) DO UPDATE SET vm_id = EXCLUDED.vm_id""",
                allocationId, vmId.value(), datacenterId.value(), vcenterDatacenter, cluster, spec.vcpus(),
                spec.memoryMib(), spec.diskGib());
    }

    @Override
    public void resized(String allocationId, VmSpec spec) {
        jdbc.update("UPDATE capacity_allocation SET vcpus = ?, memory_mib = ?, disk_gib = ? WHERE allocation_id = ?",
                spec.vcpus(), spec.memoryMib(), spec.diskGib(), allocationId);
    }

    @Override
    public void released(String allocationId) {
        jdbc.update("UPDATE capacity_allocation SET released = TRUE WHERE allocation_id = ?", allocationId);
    }

    @Override
    public void vmReleased(VmId vmId) {
        jdbc.update("UPDATE capacity_allocation SET released = TRUE WHERE vm_id = ?", vmId.value());
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM capacity_allocation");
    }

    @Override
    public Resources allocatedIn(String vcenterDatacenter, String cluster) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(vcpus), 0) AS vcpus, coalesce(sum(memory_mib), 0) AS memory_mib,
                       coalesce(sum(disk_gib), 0) AS disk_gib
                FROM capacity_allocation
                WHERE vcenter_datacenter = ? AND cluster = ? AND NOT released""",
                (row, i) -> new Resources(row.getLong("vcpus"), row.getLong("memory_mib"), row.getLong("disk_gib")),
                vcenterDatacenter, cluster);
    }
}
