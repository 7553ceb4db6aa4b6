package com.nettoria.coreapi.capacity;

import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VmSpec;

/**
 * What a datacenter may still sell. {@code sellable} is its cluster's effective capacity times the
 * {@code ratios}; {@code allocated} is what the platform's VMs (and paid or awaiting-payment orders) in that cluster
 * take, whatever catalogue datacenter they were ordered in; {@code left} is the difference; and
 * {@code largestNewDiskGib} is the largest disk one of the placement's datastores still has physical room for
 * (keeping its reserve). A VM is sold only if it fits all of them ({@link #fits(VmSpec)}).
 */
public record DatacenterCapacityView(DatacenterId datacenterId,
                                     VcenterCapacityView vcenter,
                                     Oversubscription ratios,
                                     Resources sellable,
                                     Resources allocated,
                                     Resources left,
                                     long largestNewDiskGib) {

    /** Whether a new VM of this size would be accepted now. */
    public boolean fits(VmSpec spec) {
        return left.firstShortOf(Resources.of(spec)).isEmpty() && spec.diskGib() <= largestNewDiskGib;
    }
}
