package com.nettoria.coreapi.vmstats;

import com.nettoria.coreapi.vm.VmId;

import java.time.Instant;

/**
 * A VM's samples with {@code from <= sampledAt < to}, oldest first: answers a {@link VmStatsHistory}, downsampled
 * into equal buckets when the range holds more samples than the read model hands out at once.
 */
public record FindVmStatsHistoryQuery(VmId vmId, Instant from, Instant to) {
}
