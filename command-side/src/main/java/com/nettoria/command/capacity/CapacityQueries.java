package com.nettoria.command.capacity;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.capacity.FindVcenterCapacityQuery;
import com.nettoria.coreapi.capacity.VcenterCapacityView;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers capacity questions from vCenter (the command side owns the vCenter connection, so administrators' views
 * ask it through the query bus, in every run mode).
 */
public class CapacityQueries {

    private final VCenter vcenter;

    public CapacityQueries(VCenter vcenter) {
        this.vcenter = vcenter;
    }

    @QueryHandler
    public VcenterCapacityView handle(FindVcenterCapacityQuery query) {
        VCenter.Capacity capacity = vcenter.capacity(query.vcenterDatacenter(), query.cluster());
        return new VcenterCapacityView(query.vcenterDatacenter(), capacity.cluster(), capacity.hosts(),
                capacity.cpuCores(), capacity.cpuMhzTotal(), capacity.cpuMhzEffective(), capacity.cpuMhzUsed(),
                capacity.memoryMibTotal(), capacity.memoryMibEffective(), capacity.memoryMibUsed(),
                capacity.datastores().stream()
                        .map(ds -> new VcenterCapacityView.Datastore(ds.name(), ds.capacityGib(), ds.freeGib()))
                        .toList());
    }
}
