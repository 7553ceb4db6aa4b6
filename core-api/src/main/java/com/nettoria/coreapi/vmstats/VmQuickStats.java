package com.nettoria.coreapi.vmstats;

import com.nettoria.coreapi.vm.PowerState;

/**
 * One VM's quick stats as vCenter reports them, addressed by its vCenter name: CPU in use (MHz, summed over its
 * vCPUs), guest memory in use (MiB) and time since power-on; all 0 while it is off or before vCenter has a sample.
 */
public record VmQuickStats(String vcenterName,
                           PowerState powerState,
                           int vcpus,
                           long memoryMib,
                           int cpuUsageMhz,
                           long memoryUsageMib,
                           long uptimeSeconds) {
}
