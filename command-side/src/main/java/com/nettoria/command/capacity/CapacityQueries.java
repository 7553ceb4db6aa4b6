package com.nettoria.command.capacity;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.capacity.DatacenterCapacityView;
import com.nettoria.coreapi.capacity.FindDatacenterCapacityQuery;
import com.nettoria.coreapi.capacity.FindVcenterCapacityQuery;
import com.nettoria.coreapi.capacity.VcenterCapacityView;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers capacity questions from vCenter and the platform's allocations (the command side owns the vCenter
 * connection and its own record of allocations, so administrators' views and the catalogue ask it through the query
 * bus, in every run mode).
 */
public class CapacityQueries {

    private final VCenter vcenter;
    private final CapacityCheck check;

    public CapacityQueries(VCenter vcenter, CapacityCheck check) {
        this.vcenter = vcenter;
        this.check = check;
    }

    @QueryHandler
    public VcenterCapacityView handle(FindVcenterCapacityQuery query) {
        return CapacityCheck.view(query.vcenterDatacenter(),
                vcenter.capacity(query.vcenterDatacenter(), query.cluster()));
    }

    @QueryHandler
    public DatacenterCapacityView handle(FindDatacenterCapacityQuery query) {
        return check.capacity(query.datacenterId(), query.placement());
    }
}
