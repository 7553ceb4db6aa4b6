package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.capacity.FindVcenterCapacityQuery;
import com.nettoria.coreapi.capacity.VcenterCapacityView;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.common.Slug;
import com.nettoria.ui.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * A datacenter's capacity as vCenter reports it now (hosts, CPU and memory totals, what is left for VMs and what is
 * in use, datastore space), next to the catalogue's placement of the datacenter. Orders are refused with
 * {@code order.datacenter-full} when none of its datastores has room for the disk.
 */
@RestController
@RequestMapping("/api/admin/catalogue/datacenters")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: catalogue")
public class AdminCapacityController {

    private final CatalogueReadModel catalogue;
    private final QueryGateway queries;

    AdminCapacityController(CatalogueReadModel catalogue, QueryGateway queries) {
        this.catalogue = catalogue;
        this.queries = queries;
    }

    /** The datacenter's placement and its cluster's capacity. */
    public record DatacenterCapacity(String datacenterId, VcenterPlacement placement,
                                     VcenterCapacityView capacity) {
    }

    @GetMapping("/{datacenterId}/capacity")
    @Operation(summary = "A datacenter's capacity, read from vCenter now (503 when vCenter cannot answer)")
    public DatacenterCapacity capacity(@PathVariable String datacenterId) {
        if (!Slug.isValid(datacenterId)) {
            throw ApiProblem.badRequest("datacenterId", "a datacenter id is 2-63 lower-case letters, digits and hyphens");
        }
        Datacenter datacenter = catalogue.everything().datacenter(new DatacenterId(datacenterId))
                .orElseThrow(() -> ApiProblem.notFound("catalogue.unknown-datacenter", "Unknown datacenter",
                        "the catalogue has no datacenter " + datacenterId));
        try {
            VcenterCapacityView capacity = queries.query(new FindVcenterCapacityQuery(
                    datacenter.placement().datacenter(), datacenter.placement().cluster()),
                    VcenterCapacityView.class).join();
            return new DatacenterCapacity(datacenterId, datacenter.placement(), capacity);
        } catch (CompletionException failure) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "vcenter.unavailable", "vCenter cannot answer",
                    "vCenter did not report the capacity of " + datacenter.placement().datacenter() + "/"
                            + datacenter.placement().cluster(), null, Map.of());
        }
    }
}
