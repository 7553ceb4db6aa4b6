package com.nettoria.command.vmstats;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.SampleVmStatsQuery;
import com.nettoria.coreapi.vmstats.VmQuickStats;
import com.nettoria.coreapi.vmstats.VmStatsSamples;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Clock;

/**
 * Answers the query side's sampler with vCenter's quick stats of the platform's VMs. The command side owns the
 * vCenter connection, so the query side asks through the query bus in every run mode; nothing is recorded here:
 * samples are observations, not events (docs/adr/0007).
 */
public class VmStatsQueries {

    private final VCenter vcenter;
    private final Clock clock;

    public VmStatsQueries(VCenter vcenter, Clock clock) {
        this.vcenter = vcenter;
        this.clock = clock;
    }

    /** One vCenter call for the whole datacenter (its property collector), whatever the number of VMs. */
    @QueryHandler
    public VmStatsSamples handle(SampleVmStatsQuery query) {
        return new VmStatsSamples(query.vcenterDatacenter(), clock.instant(),
                vcenter.listVms(query.vcenterDatacenter(), VmId.VCENTER_NAME_PREFIX).stream()
                        .map(VmStatsQueries::quickStats)
                        .toList());
    }

    private static VmQuickStats quickStats(VCenter.VmInfo vm) {
        return new VmQuickStats(vm.name(), vm.powerState().platformState(), vm.vcpus(), vm.memoryMib(),
                vm.cpuUsageMhz(), vm.memoryUsageMib(), vm.uptimeSeconds());
    }
}
