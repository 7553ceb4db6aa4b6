package com.nettoria.coreapi.vmstats;

/**
 * The quick stats of every platform VM (named {@code nettoria-…}) in one vCenter datacenter, read from vCenter now:
 * answered by the command side, which owns the vCenter connection, with a {@link VmStatsSamples}. The query side's
 * sampler asks it on a schedule; it fails (a {@code vcenter.*} error) when vCenter cannot answer.
 */
public record SampleVmStatsQuery(String vcenterDatacenter) {
}
