package com.nettoria.query.vmstats;

import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.SampleVmStatsQuery;
import com.nettoria.coreapi.vmstats.VmQuickStats;
import com.nettoria.coreapi.vmstats.VmStatsSamples;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A sampling round: asks the command side (through the query bus, {@link SampleVmStatsQuery}) for the quick stats of
 * the platform's VMs in every vCenter datacenter that has any, records them as the VMs' current values and history,
 * prunes history past its retention, then publishes the new values to this node's subscribers.
 *
 * <p>One node samples per round: the round runs in one transaction holding a PostgreSQL advisory lock, and a node
 * that gets the lock still leaves the round alone when another node started one less than an interval ago. A
 * datacenter that cannot be sampled (vCenter down, no command side answering) is logged and skipped: its VMs keep
 * their last values and the time they were sampled, which the views then call stale.
 */
public class VmStatsSampler {

    private static final Logger log = LoggerFactory.getLogger(VmStatsSampler.class);

    private final VmStatsReadModel readModel;
    private final QueryGateway queries;
    private final TransactionTemplate transaction;
    private final VmStatsUpdates updates;
    private final VmStatsProperties properties;
    private final Clock clock;

    VmStatsSampler(VmStatsReadModel readModel, QueryGateway queries, TransactionTemplate transaction,
                   VmStatsUpdates updates, VmStatsProperties properties, Clock clock) {
        this.readModel = readModel;
        this.queries = queries;
        this.transaction = transaction;
        this.updates = updates;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a round did: datacenters asked, VMs recorded, datacenters that could not be sampled. */
    public record Round(int datacenters, int vmsSampled, List<String> failedDatacenters, int samplesPruned) {
    }

    /**
     * The scheduled round: runs only when no other node is sampling and the last round, on any node, started about
     * an interval ago or longer; empty when it did not run.
     */
    public Optional<Round> sampleIfDue() {
        // a tick later than the interval by up to half a tick still finds the round due
        Duration gap = properties.interval().minus(properties.tick().dividedBy(2));
        Optional<Round> round = Optional.ofNullable(transaction.execute(status ->
                readModel.tryLockRound() && readModel.roundDue(gap) ? round() : null));
        round.ifPresent(this::published);
        return round;
    }

    /** A round now, whenever the last one was (after the one running, if any, ends): for tests and operators. */
    public Round sampleNow() {
        Round round = transaction.execute(status -> {
            readModel.lockRound();
            return round();
        });
        published(round);
        return round;
    }

    private Round round() {
        readModel.roundStarted();
        List<String> datacenters = readModel.vcenterDatacenters();
        List<String> failed = new ArrayList<>();
        int sampled = 0;
        for (String datacenter : datacenters) {
            Optional<VmStatsSamples> samples = ask(datacenter);
            if (samples.isEmpty()) {
                failed.add(datacenter);
                continue;
            }
            sampled += record(samples.get());
        }
        int pruned = readModel.prune(clock.instant().minus(properties.retention()));
        return new Round(datacenters.size(), sampled, List.copyOf(failed), pruned);
    }

    private Optional<VmStatsSamples> ask(String datacenter) {
        try {
            return Optional.of(queries.query(new SampleVmStatsQuery(datacenter), VmStatsSamples.class)
                    .get(properties.sampleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            log.warn("VM stats of vCenter datacenter {} not sampled, their last values stay: {}", datacenter,
                    String.valueOf(cause));
            return Optional.empty();
        }
    }

    private int record(VmStatsSamples samples) {
        Map<String, VmId> vms = readModel.vmsByVcenterName(samples.vcenterDatacenter());
        int recorded = 0;
        for (VmQuickStats stats : samples.vms()) {
            VmId vmId = vms.get(stats.vcenterName());
            if (vmId != null) {
                readModel.record(vmId, stats, samples.sampledAt());
                recorded++;
            }
        }
        return recorded;
    }

    private void published(Round round) {
        log.debug("VM stats round: {}", round);
        updates.publish();
    }
}
