package com.nettoria.coreapi.vmstats;

import com.nettoria.coreapi.vm.VmId;

/**
 * A subscription query: the initial result is an optional {@link VmStatsView} (as {@link FindVmStatsQuery}
 * answers), and every sampling round that reaches the VM emits its new {@link VmStatsView} as an update.
 */
public record WatchVmStatsQuery(VmId vmId) {
}
