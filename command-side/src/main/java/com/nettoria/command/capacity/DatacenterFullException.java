package com.nettoria.command.capacity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.capacity.CapacityResource;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.catalogue.DatacenterId;

import java.util.Map;

/**
 * The datacenter cannot take what was asked ({@code order.datacenter-full}); {@code resource} in the context says
 * which of {@code cpu}, {@code memory}, {@code disk} ran out, with what was requested and what is left of it.
 */
public class DatacenterFullException extends BusinessRuleViolation {

    private DatacenterFullException(BusinessError error) {
        super(error);
    }

    static DatacenterFullException of(DatacenterId datacenterId, CapacityResource resource, long requested,
                                      long available, String unit) {
        return new DatacenterFullException(new BusinessError(ErrorCodes.DATACENTER_FULL,
                "datacenter " + datacenterId + " has " + available + " " + unit + " of " + resource.code()
                        + " left to sell, " + requested + " " + unit + " asked", "datacenterId",
                Map.of("datacenterId", datacenterId.value(), "resource", resource.code(),
                        "requested", Long.toString(requested), "available", Long.toString(available))));
    }

    /** No datastore of the datacenter has physical room for the disk now (whatever the ratios allow). */
    static DatacenterFullException noDatastoreRoom(DatacenterId datacenterId, int diskGib, long largestDiskGib) {
        return new DatacenterFullException(new BusinessError(ErrorCodes.DATACENTER_FULL,
                "datacenter " + datacenterId + " has no room for a " + diskGib + " GiB disk at the moment",
                "datacenterId", Map.of("datacenterId", datacenterId.value(), "resource", CapacityResource.DISK.code(),
                "diskGib", Integer.toString(diskGib), "requested", Integer.toString(diskGib),
                "available", Long.toString(largestDiskGib))));
    }
}
