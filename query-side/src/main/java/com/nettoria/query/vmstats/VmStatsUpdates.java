package com.nettoria.query.vmstats;

import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.VmStatsView;
import com.nettoria.coreapi.vmstats.WatchVmStatsQuery;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Emits the new values of watched VMs ({@link WatchVmStatsQuery} subscriptions on this node) from the read model,
 * whichever node sampled them: the sampling node right after its round, every other node at its next tick. Each
 * node remembers the newest sample time it has published.
 */
class VmStatsUpdates {

    private final VmStatsReadModel readModel;
    private final QueryUpdateEmitter emitter;
    private Instant published = Instant.EPOCH;

    VmStatsUpdates(VmStatsReadModel readModel, QueryUpdateEmitter emitter) {
        this.readModel = readModel;
        this.emitter = emitter;
    }

    synchronized void publish() {
        Instant newest = readModel.newestSample().orElse(published);
        Set<VmId> watched = emitter.activeSubscriptions().stream()
                .map(subscription -> subscription.getPayload())
                .filter(WatchVmStatsQuery.class::isInstance)
                .map(query -> ((WatchVmStatsQuery) query).vmId())
                .collect(Collectors.toSet());
        for (VmStatsView view : readModel.changedSince(published, watched)) {
            emitter.emit(WatchVmStatsQuery.class, query -> query.vmId().equals(view.vmId()), view);
        }
        if (newest.isAfter(published)) {
            published = newest;
        }
    }
}
