package com.nettoria.coreapi.vmstats;

import com.nettoria.coreapi.vm.PowerState;

import java.time.Instant;

/**
 * A point of a VM's stats history: the first sample time of its bucket, the averages of CPU and memory use over
 * the bucket's {@code samples}, the longest uptime and the last power state seen in it.
 */
public record VmStatsPoint(Instant at,
                           int samples,
                           PowerState powerState,
                           int cpuUsageMhz,
                           long memoryUsageMib,
                           long uptimeSeconds) {
}
