package com.nettoria.command.reconciliation;

import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmId;

/**
 * A VM as the platform believes it to be, for reconciliation: where it lives in vCenter, how far its life has got,
 * its last recorded power state, and whether an operation (power change, deletion) is under way on it.
 */
public record KnownVm(VmId vmId, String vcenterDatacenter, String vcenterName, Standing standing,
                      PowerState powerState, boolean operationPending) {

    /** How far the VM's life has got, as far as reconciliation cares. */
    public enum Standing {
        /** Registered, being created in vCenter by the provisioning saga: not reconciled yet. */
        PROVISIONING,
        /** Running for its owner: vCenter must agree. */
        ACTIVE,
        /** Its owner asked for its deletion, which is under way: not reconciled. */
        DELETING,
        /** Provisioning failed for good: a VM of its name in vCenter is an orphan. */
        FAILED,
        /** Destroyed: a VM of its name in vCenter is an orphan. */
        DESTROYED;

        /** Whether a VM of this standing should no longer exist in vCenter. */
        public boolean gone() {
            return this == FAILED || this == DESTROYED;
        }
    }

    /** Whether vCenter's view of this VM is compared with the platform's in a run. */
    public boolean reconcilable() {
        return standing == Standing.ACTIVE && !operationPending;
    }
}
