package com.nettoria.command.capacity;

import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.vm.VmId;

/**
 * The command side's own record of what the platform has allocated in each vCenter cluster, kept by
 * {@link CapacityAllocationProjection} from the order and VM events so that orders are decided without the query
 * side's read models. One allocation per order, from the moment it is placed (a paid or awaiting-payment order
 * holds its room) until the order is cancelled, expires or fails, or its VM fails provisioning or is destroyed.
 * Every change tolerates repeats, so a redelivered event does no harm and a replay from zero rebuilds it.
 */
public interface CapacityAllocations {

    /** An order holds room for a VM of {@code spec} in the cluster; a repeat changes nothing. */
    void ordered(String allocationId, DatacenterId datacenterId, String vcenterDatacenter, String cluster,
                 VmSpec spec);

    /** The allocation's VM exists (recorded if the order was never seen, e.g. a VM registered without one). */
    void vmRegistered(String allocationId, VmId vmId, DatacenterId datacenterId, String vcenterDatacenter,
                      String cluster, VmSpec spec);

    /** The order's VM was scaled to {@code spec} (or back to it when the scale was refunded). */
    void resized(String allocationId, VmSpec spec);

    /** The order no longer holds room (cancelled, expired, failed). */
    void released(String allocationId);

    /** The VM no longer takes room (provisioning failed, destroyed). */
    void vmReleased(VmId vmId);

    /** Forgets everything (before a replay). */
    void clear();

    /** What the platform's live allocations take in one vCenter cluster. */
    Resources allocatedIn(String vcenterDatacenter, String cluster);
}
