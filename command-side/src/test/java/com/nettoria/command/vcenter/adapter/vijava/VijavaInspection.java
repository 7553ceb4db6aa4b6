package com.nettoria.command.vcenter.adapter.vijava;

import com.nettoria.command.vcenter.adapter.VCenterProperties;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.VirtualMachine;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a VM in the simulator as vijava sees it, through a session of its own, for what the {@code VCenter} port
 * does not answer (its advanced settings).
 */
public final class VijavaInspection {

    private VijavaInspection() {
    }

    /** The VM's advanced settings (extraConfig) by key; fails when the simulator has no VM of that name. */
    public static Map<String, Object> extraConfigOf(VcenterSimulator simulator, String name) {
        VCenterProperties properties = VCenterProperties.of(simulator.url(), simulator.user(), simulator.password())
                .withTrustStore(simulator.certificate().toString(), null);
        try (VijavaSession session = new VijavaSession(properties,
                ConnectionTrust.of(simulator.certificate().toString(), null, false))) {
            return session.call("read the advanced settings of " + name, vc -> {
                VirtualMachine vm = (VirtualMachine) new InventoryNavigator(vc.getRootFolder())
                        .searchManagedEntity("VirtualMachine", name);
                if (vm == null) {
                    throw new AssertionError("the simulator holds no VM " + name);
                }
                OptionValue[] options = vm.getConfig().getExtraConfig();
                return Arrays.stream(options == null ? new OptionValue[0] : options)
                        .collect(Collectors.toMap(OptionValue::getKey, OptionValue::getValue, (a, b) -> b));
            });
        }
    }
}
