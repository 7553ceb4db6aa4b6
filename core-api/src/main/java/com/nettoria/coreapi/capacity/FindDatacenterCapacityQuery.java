package com.nettoria.coreapi.capacity;

import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;

/**
 * What a catalogue datacenter may still sell: its cluster's capacity asked of vCenter now, its oversubscription
 * ratios, and what the platform has allocated there (answered by the command side, which owns both): answers a
 * {@link DatacenterCapacityView}; fails with a {@code vcenter.*} error when vCenter cannot answer.
 *
 * @param placement the datacenter's placement as the catalogue has it (which cluster and datastores count)
 */
public record FindDatacenterCapacityQuery(DatacenterId datacenterId, VcenterPlacement placement) {
}
