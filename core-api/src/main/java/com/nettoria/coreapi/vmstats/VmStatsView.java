package com.nettoria.coreapi.vmstats;

import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmId;

import java.time.Instant;

/**
 * A VM's last sampled quick stats. {@code stale} when the last sample is older than two sampling intervals
 * (vCenter or the command side did not answer since, or the VM is gone from vCenter): the values are then the last
 * ones known, not the current ones.
 */
public record VmStatsView(VmId vmId,
                          PowerState powerState,
                          int vcpus,
                          long memoryMib,
                          int cpuUsageMhz,
                          long memoryUsageMib,
                          long uptimeSeconds,
                          Instant sampledAt,
                          boolean stale) {
}
