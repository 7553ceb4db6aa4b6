package com.nettoria.ui.vm;

import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.FindVmStatsHistoryQuery;
import com.nettoria.coreapi.vmstats.FindVmStatsQuery;
import com.nettoria.coreapi.vmstats.VmStatsHistory;
import com.nettoria.coreapi.vmstats.VmStatsView;
import com.nettoria.coreapi.vmstats.WatchVmStatsQuery;
import com.nettoria.ui.vm.VmStatsApi.HistoryResponse;
import com.nettoria.ui.vm.VmStatsApi.StatsResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The VM stats read model as the stats endpoints ask it (after checking who may see the VM). */
@Component
class VmStatsReader {

    private final QueryGateway queries;

    VmStatsReader(QueryGateway queries) {
        this.queries = queries;
    }

    StatsResponse current(VmId vmId) {
        return queries.query(new FindVmStatsQuery(vmId), ResponseTypes.optionalInstanceOf(VmStatsView.class)).join()
                .map(StatsResponse::of).orElseGet(() -> StatsResponse.notSampledYet(vmId));
    }

    HistoryResponse history(VmId vmId, VmStatsRange range) {
        return HistoryResponse.of(queries.query(new FindVmStatsHistoryQuery(vmId, range.from(), range.to()),
                VmStatsHistory.class).join());
    }

    /** The current values, then the new ones after every sampling round, until cancelled. */
    SubscriptionQueryResult<Optional<VmStatsView>, VmStatsView> watch(VmId vmId) {
        return queries.subscriptionQuery(new WatchVmStatsQuery(vmId),
                ResponseTypes.optionalInstanceOf(VmStatsView.class), ResponseTypes.instanceOf(VmStatsView.class));
    }
}
