package com.nettoria.command.provisioning;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.VmId;

import java.util.Optional;

/** The VMs as the provisioning notices need them: whose each one is and the name its owner gave it. */
public interface VmDirectory {

    /** The VM, or empty when no VM has that id. */
    Optional<Vm> find(VmId vmId);

    /**
     * @param owner    the customer the VM belongs to
     * @param hostname the name the owner gave it when ordering
     */
    record Vm(CustomerId owner, String hostname) {
    }
}
