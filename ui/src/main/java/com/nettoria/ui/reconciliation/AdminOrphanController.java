package com.nettoria.ui.reconciliation;

import com.nettoria.coreapi.vm.FindVcenterOrphansQuery;
import com.nettoria.coreapi.vm.VcenterOrphanView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * VMs that reconciliation with vCenter found carrying the platform's name prefix but that the platform does not run
 * (nobody bills them): for an operator to delete in vCenter or investigate. Read from the query side's read model
 * of the reconciliation runs' events.
 */
@RestController
@RequestMapping("/api/admin/vcenter/orphans")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: virtual machines")
public class AdminOrphanController {

    private final QueryGateway queries;

    AdminOrphanController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The orphans, the ones still in vCenter first. */
    public record OrphanList(List<OrphanItem> items) {
    }

    /** One orphan as the last run that found it saw it. */
    public record OrphanItem(String vcenterDatacenter, String vcenterName, String instanceUuid,
                             @Schema(example = "ON") String powerState,
                             @Schema(description = "the platform's VM that had this name (failed or destroyed), "
                                     + "or null") String knownVmId,
                             Instant firstFoundAt, Instant lastFoundAt, String lastRunId,
                             @Schema(description = "when a later run no longer found it; null while it is there")
                             Instant goneAt) {
        static OrphanItem of(VcenterOrphanView orphan) {
            return new OrphanItem(orphan.vcenterDatacenter(), orphan.vcenterName(), orphan.instanceUuid(),
                    orphan.powerState().name(), orphan.knownVmId() == null ? null : orphan.knownVmId().value(),
                    orphan.firstFoundAt(), orphan.lastFoundAt(), orphan.lastRunId(), orphan.goneAt());
        }
    }

    @GetMapping
    @Operation(summary = "VMs in vCenter that the platform does not run, found by reconciliation; most recently "
            + "found first")
    public OrphanList orphans(@Parameter(description = "also those a later run no longer found")
                              @RequestParam(defaultValue = "false") boolean includeGone) {
        List<VcenterOrphanView> orphans = queries.query(new FindVcenterOrphansQuery(includeGone),
                ResponseTypes.multipleInstancesOf(VcenterOrphanView.class)).join();
        return new OrphanList(orphans.stream().map(OrphanItem::of).toList());
    }
}
