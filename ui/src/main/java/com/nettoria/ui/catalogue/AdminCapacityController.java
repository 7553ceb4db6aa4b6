package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.capacity.DatacenterCapacityView;
import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.capacity.VcenterCapacityView;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.common.Slug;
import com.nettoria.ui.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each datacenter may still sell: its cluster's capacity as vCenter reports it now (hosts, CPU and memory
 * totals, what is left for VMs and in use, datastore space), the oversubscription ratios, what the platform has
 * allocated in the cluster and what is left to sell. Orders are refused with {@code order.datacenter-full} when the
 * VM does not fit what is left, or no datastore has room for its disk.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: catalogue")
public class AdminCapacityController {

    private final CatalogueReadModel catalogue;
    private final CapacityReadModel capacities;

    AdminCapacityController(CatalogueReadModel catalogue, CapacityReadModel capacities) {
        this.catalogue = catalogue;
        this.capacities = capacities;
    }

    /** The ratios as configured (nettoria.capacity.*). */
    public record RatiosItem(@Schema(description = "vCPUs sold per effective physical core") String cpu,
                             @Schema(description = "share of the effective memory sold") String memory,
                             @Schema(description = "share of the placement's datastores' size sold") String disk) {
        static RatiosItem of(Oversubscription ratios) {
            return new RatiosItem(ratios.cpu().toPlainString(), ratios.memory().toPlainString(),
                    ratios.disk().toPlainString());
        }
    }

    /** vCPUs, memory and disk. */
    public record ResourcesItem(long vcpus, long memoryMib, long diskGib) {
        static ResourcesItem of(Resources resources) {
            return new ResourcesItem(resources.vcpus(), resources.memoryMib(), resources.diskGib());
        }
    }

    /** A datacenter's placement, its cluster's capacity, and what it may still sell. */
    public record DatacenterCapacity(String datacenterId, VcenterPlacement placement, VcenterCapacityView capacity,
                                     RatiosItem ratios,
                                     @Schema(description = "effective capacity times the ratios")
                                     ResourcesItem sellable,
                                     @Schema(description = "what the platform's VMs and open orders in the cluster "
                                             + "take") ResourcesItem allocated,
                                     @Schema(description = "sellable minus allocated") ResourcesItem left,
                                     @Schema(description = "the largest disk a datastore still has room for")
                                     long largestNewDiskGib) {
        static DatacenterCapacity of(Datacenter datacenter, DatacenterCapacityView view) {
            return new DatacenterCapacity(datacenter.id().value(), datacenter.placement(), view.vcenter(),
                    RatiosItem.of(view.ratios()), ResourcesItem.of(view.sellable()),
                    ResourcesItem.of(view.allocated()), ResourcesItem.of(view.left()), view.largestNewDiskGib());
        }
    }

    /** Every datacenter of the catalogue, orderable or not. */
    public record CapacityOverview(List<OverviewItem> datacenters) {
    }

    /** One datacenter in the overview: its numbers, or {@code available: false} when vCenter cannot answer. */
    public record OverviewItem(String datacenterId, String name, boolean orderable, boolean available,
                               @Schema(description = "null when not available") DatacenterCapacity capacity) {
    }

    @GetMapping("/catalogue/datacenters/{datacenterId}/capacity")
    @Operation(summary = "A datacenter's capacity, read from vCenter now, with what is allocated and left to sell "
            + "(503 when vCenter cannot answer)")
    public DatacenterCapacity capacity(@PathVariable String datacenterId) {
        if (!Slug.isValid(datacenterId)) {
            throw ApiProblem.badRequest("datacenterId", "a datacenter id is 2-63 lower-case letters, digits and hyphens");
        }
        Datacenter datacenter = catalogue.everything().datacenter(new DatacenterId(datacenterId))
                .orElseThrow(() -> ApiProblem.notFound("catalogue.unknown-datacenter", "Unknown datacenter",
                        "the catalogue has no datacenter " + datacenterId));
        return capacities.of(datacenter).map(view -> DatacenterCapacity.of(datacenter, view))
                .orElseThrow(() -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "vcenter.unavailable",
                        "vCenter cannot answer", "vCenter did not report the capacity of "
                        + datacenter.placement().datacenter() + "/" + datacenter.placement().cluster(), null,
                        Map.of()));
    }

    @GetMapping("/capacity")
    @Operation(summary = "Every datacenter's capacity, allocations and what is left to sell, read from vCenter now "
            + "(a datacenter vCenter cannot answer for is listed with available: false)")
    public CapacityOverview overview() {
        return new CapacityOverview(catalogue.everything().datacenters().stream()
                .map(datacenter -> {
                    Optional<DatacenterCapacityView> view = capacities.of(datacenter);
                    return new OverviewItem(datacenter.id().value(), datacenter.name(), datacenter.orderable(),
                            view.isPresent(), view.map(v -> DatacenterCapacity.of(datacenter, v)).orElse(null));
                })
                .toList());
    }
}
