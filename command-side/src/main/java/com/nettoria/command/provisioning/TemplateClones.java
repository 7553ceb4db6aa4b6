package com.nettoria.command.provisioning;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;

import java.util.Map;

/**
 * How a VM is made from an operating system's template in vCenter, the same for a new VM (provisioning) and a
 * reinstalled one (rebuild): cloned onto the placement's datastore with the most room ({@link DatastorePlacement}),
 * then sized to its spec, connected to the placement's network and given cloud-init's guest data.
 */
public final class TemplateClones {

    private TemplateClones() {
    }

    /**
     * Clones {@code template} into a new, powered-off VM named {@code name}; refused as
     * {@link VCenterException.Kind#INSUFFICIENT_CAPACITY} when no allowed datastore has room for its disk.
     */
    public static VCenter.VmInfo clone(VCenter vcenter, VcenterPlacement placement, String template, String name,
                                       VmSpec spec, String annotation) {
        VCenter.Capacity capacity = vcenter.capacity(placement.datacenter(), placement.cluster());
        String datastore = DatastorePlacement.choose(capacity.datastores(), placement.datastores(), spec.diskGib())
                .orElseThrow(() -> new VCenterException(VCenterException.Kind.INSUFFICIENT_CAPACITY,
                        "no datastore of " + placement.datastores() + " has room for a " + spec.diskGib()
                                + " GiB disk"));
        return vcenter.cloneFromTemplate(new VCenter.CloneSpec(placement.datacenter(), template, name,
                placement.cluster(), placement.resourcePool(), datastore, placement.folder(), annotation));
    }

    /**
     * Sets vCPUs, memory and disk to {@code spec}, connects the first adapter to the placement's network and hands
     * the guest its host name and root's credentials for its first boot ({@link GuestInit}). Before power-on, and
     * repeatable.
     */
    public static void configure(VCenter vcenter, VcenterPlacement placement, String name, VmSpec spec,
                                 Map<String, String> guestInfo) {
        vcenter.reconfigure(placement.datacenter(), name, spec.vcpus(), spec.memoryMib(), spec.diskGib());
        vcenter.connectNetwork(placement.datacenter(), name, placement.network());
        vcenter.setGuestInfo(placement.datacenter(), name, guestInfo);
    }
}
