package com.nettoria.coreapi.vmstats;

import com.nettoria.coreapi.vm.VmId;

import java.time.Instant;
import java.util.List;

/**
 * A VM's stats over {@code [from, to)}: one point per bucket of {@code bucketSeconds} that has samples (a range
 * short enough gives one point per sample, bucketSeconds then being at most the sampling interval).
 */
public record VmStatsHistory(VmId vmId, Instant from, Instant to, long bucketSeconds, List<VmStatsPoint> points) {

    public VmStatsHistory {
        points = List.copyOf(points);
    }
}
