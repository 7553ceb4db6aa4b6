package com.nettoria.ui.vm;

import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.VmStatsHistory;
import com.nettoria.coreapi.vmstats.VmStatsPoint;
import com.nettoria.coreapi.vmstats.VmStatsView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The VM stats API's response bodies (docs/monitoring.md). */
final class VmStatsApi {

    private VmStatsApi() {
    }

    @Schema(description = "A VM's last sampled quick stats. Before the first sample every value and sampledAt are "
            + "null and stale is true; stale also when the last sample is older than two sampling intervals.")
    record StatsResponse(String vmId,
                         @Schema(description = "ON, OFF or SUSPENDED as vCenter last reported it") String powerState,
                         Integer vcpus,
                         Long memoryMib,
                         @Schema(description = "CPU in use, MHz summed over the VM's vCPUs") Integer cpuUsageMhz,
                         @Schema(description = "guest memory in use, MiB") Long memoryUsageMib,
                         @Schema(description = "seconds since power-on; 0 while off") Long uptimeSeconds,
                         Instant sampledAt,
                         boolean stale) {

        static StatsResponse of(VmStatsView view) {
            return new StatsResponse(view.vmId().value(), view.powerState().name(), view.vcpus(), view.memoryMib(),
                    view.cpuUsageMhz(), view.memoryUsageMib(), view.uptimeSeconds(), view.sampledAt(), view.stale());
        }

        static StatsResponse notSampledYet(VmId vmId) {
            return new StatsResponse(vmId.value(), null, null, null, null, null, null, null, true);
        }
    }

    @Schema(description = "One point per bucket that has samples: averages of CPU and memory use over its samples, "
            + "the longest uptime and the last power state in it; at is its first sample's time")
    record PointResponse(Instant at, int samples, String powerState, int cpuUsageMhz, long memoryUsageMib,
                         long uptimeSeconds) {

        static PointResponse of(VmStatsPoint point) {
            return new PointResponse(point.at(), point.samples(), point.powerState().name(), point.cpuUsageMhz(),
                    point.memoryUsageMib(), point.uptimeSeconds());
        }
    }

    record HistoryResponse(String vmId, Instant from, Instant to,
                           @Schema(description = "the width of a point's bucket; a range short enough has one "
                                   + "point per sample") long bucketSeconds,
                           List<PointResponse> points) {

        static HistoryResponse of(VmStatsHistory history) {
            return new HistoryResponse(history.vmId().value(), history.from(), history.to(), history.bucketSeconds(),
                    history.points().stream().map(PointResponse::of).toList());
        }
    }
}
