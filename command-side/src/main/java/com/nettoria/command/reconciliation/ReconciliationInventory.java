package com.nettoria.command.reconciliation;

import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmId;

import java.util.List;

/**
 * The command side's own record of the VMs the platform runs, kept by {@link ReconciliationInventoryProjection}
 * from the VM events, so that reconciliation does not read the query side's tables. Every change tolerates repeats
 * and is guarded by the VM's standing, so a redelivered event does no harm and a replay from zero rebuilds it.
 */
public interface ReconciliationInventory {

    /** A new VM, {@link KnownVm.Standing#PROVISIONING} with an unknown power state; a repeat changes nothing. */
    void registered(VmId vmId, String vcenterDatacenter, String vcenterName);

    /** A provisioning VM becomes {@link KnownVm.Standing#ACTIVE}. */
    void provisioned(VmId vmId);

    /** A provisioning VM becomes {@link KnownVm.Standing#FAILED}. */
    void provisioningFailed(VmId vmId);

    void powerStateChanged(VmId vmId, PowerState state);

    /** An operation started on the VM; a deletion makes an active VM {@link KnownVm.Standing#DELETING}. */
    void operationRequested(VmId vmId, String operationId, boolean deletion);

    /** The operation ended; a failed deletion makes the VM {@link KnownVm.Standing#ACTIVE} again. */
    void operationEnded(VmId vmId, String operationId, boolean succeeded);

    /** The VM is {@link KnownVm.Standing#DESTROYED}, whatever it was. */
    void destroyed(VmId vmId);

    /** Forgets every VM (before a replay). */
    void clear();

    /** Every VM the platform knows, in any standing. */
    List<KnownVm> knownVms();
}
