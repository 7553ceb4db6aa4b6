package com.nettoria.ui.vm;

import com.nettoria.coreapi.vm.VmId;
import com.nettoria.ui.vm.VmStatsApi.HistoryResponse;
import com.nettoria.ui.vm.VmStatsApi.StatsResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;

/** Administrators look at any VM's stats: the same contract as the owner's {@code /api/vcenter/vms/{id}/stats}. */
@RestController
@RequestMapping("/api/admin/vms/{vmId}/stats")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: virtual machines")
public class AdminVmStatsController {

    private final VmReadModel vms;
    private final VmStatsReader stats;
    private final VmStatsStreams streams;
    private final Clock clock = Clock.systemUTC();

    AdminVmStatsController(VmReadModel vms, VmStatsReader stats, VmStatsStreams streams) {
        this.vms = vms;
        this.stats = stats;
        this.streams = streams;
    }

    @GetMapping
    @Operation(summary = "Any VM's last sampled CPU, memory, uptime and power state")
    public StatsResponse current(@PathVariable String vmId) {
        return stats.current(any(vmId));
    }

    @GetMapping("/history")
    @Operation(summary = "Any VM's stats history (from, to: ISO-8601 instants; default the last hour)")
    public HistoryResponse history(@PathVariable String vmId, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to) {
        VmId id = any(vmId);
        return stats.history(id, VmStatsRange.of(from, to, clock));
    }

    @GetMapping("/stream")
    @Operation(summary = "Any VM's stats as server-sent events (text/event-stream)")
    public SseEmitter stream(@PathVariable String vmId) {
        return streams.open(any(vmId));
    }

    private VmId any(String vmId) {
        return vms.any(VmReadModel.vmId(vmId)).vmId();
    }
}
