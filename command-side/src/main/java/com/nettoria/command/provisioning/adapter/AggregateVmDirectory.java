package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.provisioning.VmDirectory;
import com.nettoria.command.vm.VirtualMachine;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link VmDirectory} read from the {@link VirtualMachine} aggregate, loaded from its events. Called inside a unit
 * of work (the event handler's), as Axon's repositories require.
 */
public class AggregateVmDirectory implements VmDirectory {

    private final Repository<VirtualMachine> vms;

    public AggregateVmDirectory(Repository<VirtualMachine> vms) {
        this.vms = Objects.requireNonNull(vms, "vms");
    }

    @Override
    public Optional<Vm> find(VmId vmId) {
        try {
            return Optional.of(vms.load(vmId.value()).invoke(vm -> new Vm(vm.owner(), vm.hostname())));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }
}
