package com.nettoria.ui.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.ui.vm.VmStatsApi.HistoryResponse;
import com.nettoria.ui.vm.VmStatsApi.StatsResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;

/**
 * The caller's own VM's monitoring: CPU, memory, uptime and power state as vCenter's quick stats last showed them
 * (sampled by the query side every {@code nettoria.vm-stats.interval}), their history, and a live stream. Someone
 * else's VM is answered like a VM that does not exist: 404, never 403.
 */
@RestController
@RequestMapping("/api/vcenter/vms/{vmId}/stats")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Virtual machines")
public class VmStatsController {

    private final VmReadModel vms;
    private final VmStatsReader stats;
    private final VmStatsStreams streams;
    private final Clock clock = Clock.systemUTC();

    VmStatsController(VmReadModel vms, VmStatsReader stats, VmStatsStreams streams) {
        this.vms = vms;
        this.stats = stats;
        this.streams = streams;
    }

    @GetMapping
    @Operation(summary = "My VM's last sampled CPU, memory, uptime and power state",
            description = "sampledAt says when vCenter reported them; stale is true when that is more than two "
                    + "sampling intervals ago (vCenter not answering) and before the first sample (values null).")
    public StatsResponse current(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId) {
        return stats.current(mine(caller, vmId));
    }

    @GetMapping("/history")
    @Operation(summary = "My VM's stats history, oldest first",
            description = "from and to are ISO-8601 instants (default: the last hour), at most 31 days apart; a long "
                    + "range is averaged into at most nettoria.vm-stats.history-max-points buckets. 400 naming "
                    + "from or to for a value that is not an instant or a range that is empty or too long.")
    public HistoryResponse history(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId,
                                   @Parameter(example = "2026-11-28T09:00:00Z") @RequestParam(required = false)
                                   String from,
                                   @Parameter(example = "2026-11-28T10:00:00Z") @RequestParam(required = false)
                                   String to) {
        VmId id = mine(caller, vmId);
        return stats.history(id, VmStatsRange.of(from, to, clock));
    }

    @GetMapping("/stream")
    @Operation(summary = "My VM's stats as server-sent events (text/event-stream)",
            description = "A 'stats' event with the current values at once, then one after every sampling round; "
                    + "comment lines as heartbeats in between (nettoria.vm-stats.stream.heartbeat). The stream "
                    + "ends after nettoria.vm-stats.stream.timeout; EventSource reconnects by itself.")
    public SseEmitter stream(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId) {
        return streams.open(mine(caller, vmId));
    }

    private VmId mine(Jwt caller, String vmId) {
        return vms.mine(new CustomerId(caller.getSubject()), VmReadModel.vmId(vmId)).vmId();
    }
}
