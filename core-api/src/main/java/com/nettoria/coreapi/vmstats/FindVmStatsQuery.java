package com.nettoria.coreapi.vmstats;

import com.nettoria.coreapi.vm.VmId;

/** A VM's last sampled quick stats: answers an optional {@link VmStatsView} (empty before its first sample). */
public record FindVmStatsQuery(VmId vmId) {
}
