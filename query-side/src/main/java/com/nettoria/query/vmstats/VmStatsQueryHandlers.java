package com.nettoria.query.vmstats;

import com.nettoria.coreapi.vmstats.FindVmStatsHistoryQuery;
import com.nettoria.coreapi.vmstats.FindVmStatsQuery;
import com.nettoria.coreapi.vmstats.VmStatsHistory;
import com.nettoria.coreapi.vmstats.VmStatsView;
import com.nettoria.coreapi.vmstats.WatchVmStatsQuery;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Duration;
import java.util.Optional;

/**
 * Answers the VM stats queries from the read model. Ownership is the caller's business (the ui checks it against
 * the VM read model before asking).
 */
public class VmStatsQueryHandlers {

    private final VmStatsReadModel readModel;
    private final int maxPoints;

    VmStatsQueryHandlers(VmStatsReadModel readModel, int maxPoints) {
        this.readModel = readModel;
        this.maxPoints = maxPoints;
    }

    @QueryHandler
    public Optional<VmStatsView> handle(FindVmStatsQuery query) {
        return readModel.current(query.vmId());
    }

    /** The initial result of a subscription; {@link VmStatsUpdates} emits the rest. */
    @QueryHandler
    public Optional<VmStatsView> handle(WatchVmStatsQuery query) {
        return readModel.current(query.vmId());
    }

    /** At most {@code maxPoints} points: the range is cut into that many equal buckets (whole milliseconds). */
    @QueryHandler
    public VmStatsHistory handle(FindVmStatsHistoryQuery query) {
        if (!query.from().isBefore(query.to())) {
            throw new IllegalArgumentException("a history range ends after it starts");
        }
        Duration bucket = bucket(Duration.between(query.from(), query.to()), maxPoints);
        return new VmStatsHistory(query.vmId(), query.from(), query.to(), bucket.toSeconds(),
                readModel.history(query.vmId(), query.from(), query.to(), bucket));
    }

    static Duration bucket(Duration range, int maxPoints) {
        long millis = Math.max(1, (range.toMillis() + maxPoints - 1) / maxPoints);
        return Duration.ofMillis(millis);
    }
}
