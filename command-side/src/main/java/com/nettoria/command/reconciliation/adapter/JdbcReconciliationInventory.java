package com.nettoria.command.reconciliation.adapter;

import com.nettoria.command.reconciliation.KnownVm;
import com.nettoria.command.reconciliation.ReconciliationInventory;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The reconciliation inventory in PostgreSQL's {@code reconciliation_vm} table, written in the event processor's
 * transaction. Every statement is guarded by the VM's standing, so repeats are no-ops.
 */
public class JdbcReconciliationInventory implements ReconciliationInventory {

    private final JdbcTemplate jdbc;

    public JdbcReconciliationInventory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void registered(VmId vmId, String vcenterDatacenter, String vcenterName) {
        jdbc.update("""
                INSERT INTO reconciliation_vm (vm_id, vcenter_datacenter, vcenter_name, standing, power_state)
                VALUES (?, ?, ?, 'PROVISIONING', 'UNKNOWN') ON CONFLICT (vm_id) DO NOTHING""",
                vmId.value(), vcenterDatacenter, vcenterName);
    }

    @Override
    public void provisioned(VmId vmId) {
        jdbc.update("UPDATE reconciliation_vm SET standing = 'ACTIVE' WHERE vm_id = ? AND standing = 'PROVISIONING'",
                vmId.value());
    }

    @Override
    public void provisioningFailed(VmId vmId) {
        jdbc.update("UPDATE reconciliation_vm SET standing = 'FAILED' WHERE vm_id = ? AND standing = 'PROVISIONING'",
                vmId.value());
    }

    @Override
    public void powerStateChanged(VmId vmId, PowerState state) {
        jdbc.update("UPDATE reconciliation_vm SET power_state = ? WHERE vm_id = ?", state.name(), vmId.value());
    }

    @Override
    public void operationRequested(VmId vmId, String operationId, boolean deletion) {
        jdbc.update("""
                UPDATE reconciliation_vm
                SET pending_operation = ?,
                    standing = CASE WHEN ? AND standing = 'ACTIVE' THEN 'DELETING' ELSE standing END
                WHERE vm_id = ? AND standing IN ('PROVISIONING', 'ACTIVE', 'DELETING')""",
                operationId, deletion, vmId.value());
    }

    @Override
    public void operationEnded(VmId vmId, String operationId, boolean succeeded) {
        jdbc.update("""
                UPDATE reconciliation_vm
                SET pending_operation = NULL,
                    standing = CASE WHEN NOT ? AND standing = 'DELETING' THEN 'ACTIVE' ELSE standing END
                WHERE vm_id = ? AND pending_operation = ?""",
                succeeded, vmId.value(), operationId);
    }

    @Override
    public void destroyed(VmId vmId) {
        jdbc.update("UPDATE reconciliation_vm SET standing = 'DESTROYED', pending_operation = NULL WHERE vm_id = ?",
                vmId.value());
    }

    @Override
    public void clear() {
        jdbc.update("DELETE FROM reconciliation_vm");
    }

    @Override
    public List<KnownVm> knownVms() {
        return jdbc.query("""
                SELECT vm_id, vcenter_datacenter, vcenter_name, standing, power_state, pending_operation
                FROM reconciliation_vm ORDER BY vcenter_datacenter, vcenter_name, vm_id""",
                (row, i) -> new KnownVm(new VmId(row.getString("vm_id")), row.getString("vcenter_datacenter"),
                        row.getString("vcenter_name"), KnownVm.Standing.valueOf(row.getString("standing")),
                        PowerState.valueOf(row.getString("power_state")), row.getString("pending_operation") != null));
    }
}
