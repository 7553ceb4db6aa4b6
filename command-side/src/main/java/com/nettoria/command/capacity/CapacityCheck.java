package com.nettoria.command.capacity;

import com.nettoria.command.provisioning.DatastorePlacement;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.capacity.DatacenterCapacityView;
import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.capacity.VcenterCapacityView;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;

import java.util.List;

/**
 * Whether a datacenter can take more: its cluster's capacity asked of vCenter now, times the datacenter's
 * {@link OversubscriptionPolicy ratios}, against what the platform has allocated there ({@link CapacityAllocations},
 * the command side's own record, never the query side's). Refuses with {@link DatacenterFullException}
 * ({@code order.datacenter-full}, naming the resource) before any money moves. When vCenter cannot answer, the
 * request goes ahead: provisioning (or the operation) meets vCenter again and fails on its own terms.
 *
 * <p>The allocations come from an event processor, so an order placed a moment ago (not processed yet) is not
 * counted: concurrent orders may oversell by what is placed within that lag. The ratios leave headroom for it.
 */
public class CapacityCheck {

    private final VCenter vcenter;
    private final CapacityAllocations allocations;
    private final OversubscriptionPolicy policy;

    public CapacityCheck(VCenter vcenter, CapacityAllocations allocations, OversubscriptionPolicy policy) {
        this.vcenter = vcenter;
        this.allocations = allocations;
        this.policy = policy;
    }

    /** A new VM as quoted: a datastore must have room for its disk, and the cluster for all of it by the ratios. */
    public void requireRoomForNewVm(OrderQuote quote) {
        DatacenterCapacityView capacity;
        try {
            capacity = capacity(quote.datacenterId(), quote.placement());
        } catch (VCenterException cannotTell) {
            return;
        }
        if (quote.spec().diskGib() > capacity.largestNewDiskGib()) {
            throw DatacenterFullException.noDatastoreRoom(quote.datacenterId(), quote.spec().diskGib(),
                    capacity.largestNewDiskGib());
        }
        requireWithinRatios(capacity, Resources.of(quote.spec()));
    }

    /**
     * Growth of an existing VM from {@code from} to {@code to} (a scale-up): the datastore its disk lives on must have
     * physical room for the bigger disk, and the cluster's allocations plus the difference must stay within the
     * ratios. When vCenter cannot answer, the scale goes ahead: vCenter refuses it then, and the charge is refunded.
     */
    public void requireRoomToGrow(DatacenterId datacenterId, VcenterPlacement placement, String datastore,
                                  VmSpec from, VmSpec to) {
        DatacenterCapacityView capacity;
        VCenter.Capacity cluster;
        try {
            cluster = vcenter.capacity(placement.datacenter(), placement.cluster());
            capacity = capacity(datacenterId, placement, cluster);
        } catch (VCenterException cannotTell) {
            return;
        }
        int growthGib = to.diskGib() - from.diskGib();
        if (growthGib > 0 && datastore != null
                && DatastorePlacement.choose(cluster.datastores(), List.of(datastore), growthGib).isEmpty()) {
            throw DatacenterFullException.noDatastoreRoom(datacenterId, growthGib,
                    DatastorePlacement.largestDiskGib(cluster.datastores(), List.of(datastore)));
        }
        requireWithinRatios(capacity, Resources.of(to).minus(Resources.of(from)));
    }

    /** What the datacenter may still sell, from vCenter now; throws {@link VCenterException} when it cannot tell. */
    public DatacenterCapacityView capacity(DatacenterId datacenterId, VcenterPlacement placement) {
        return capacity(datacenterId, placement, vcenter.capacity(placement.datacenter(), placement.cluster()));
    }

    private DatacenterCapacityView capacity(DatacenterId datacenterId, VcenterPlacement placement,
                                            VCenter.Capacity capacity) {
        Oversubscription ratios = policy.ratiosFor(datacenterId);
        Resources sellable = SellableCapacity.of(capacity, placement.datastores(), ratios);
        Resources allocated = allocations.allocatedIn(placement.datacenter(), placement.cluster());
        return new DatacenterCapacityView(datacenterId, view(placement.datacenter(), capacity), ratios, sellable,
                allocated, sellable.minus(allocated),
                DatastorePlacement.largestDiskGib(capacity.datastores(), placement.datastores()));
    }

    private static void requireWithinRatios(DatacenterCapacityView capacity, Resources requested) {
        capacity.left().firstShortOf(requested).ifPresent(resource -> {
            throw switch (resource) {
                case CPU -> DatacenterFullException.of(capacity.datacenterId(), resource, requested.vcpus(),
                        capacity.left().vcpus(), "vCPUs");
                case MEMORY -> DatacenterFullException.of(capacity.datacenterId(), resource, requested.memoryMib(),
                        capacity.left().memoryMib(), "MiB");
                case DISK -> DatacenterFullException.of(capacity.datacenterId(), resource, requested.diskGib(),
                        capacity.left().diskGib(), "GiB");
            };
        });
    }

    static VcenterCapacityView view(String vcenterDatacenter, VCenter.Capacity capacity) {
        return new VcenterCapacityView(vcenterDatacenter, capacity.cluster(), capacity.hosts(),
                capacity.cpuCores(), capacity.cpuMhzTotal(), capacity.cpuMhzEffective(), capacity.cpuMhzUsed(),
                capacity.memoryMibTotal(), capacity.memoryMibEffective(), capacity.memoryMibUsed(),
                capacity.datastores().stream()
                        .map(ds -> new VcenterCapacityView.Datastore(ds.name(), ds.capacityGib(), ds.freeGib()))
                        .toList());
    }
}
