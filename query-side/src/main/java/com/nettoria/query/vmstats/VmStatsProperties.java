package com.nettoria.query.vmstats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code nettoria.vm-stats.*}: how often the query side samples vCenter's quick stats of the VMs, how long it keeps
 * them (docs/monitoring.md). Set them the same on every query-side node.
 *
 * @param enabled           whether this node takes part in sampling rounds (its subscribers get updates either way)
 * @param interval          the time between two rounds, whichever node takes them; values older than twice this
 *                          are shown as stale
 * @param retention         how long samples are kept for the history
 * @param sampleTimeout     how long a round waits for the command side to answer for one vCenter datacenter
 * @param historyMaxPoints  the most points one history answer holds (longer ranges are averaged into buckets)
 */
@ConfigurationProperties("nettoria.vm-stats")
public record VmStatsProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("60s") Duration interval,
                                @DefaultValue("7d") Duration retention,
                                @DefaultValue("30s") Duration sampleTimeout,
                                @DefaultValue("500") int historyMaxPoints) {

    /** The most a node waits between two looks at the round table (and at what others sampled for its subscribers). */
    static final Duration LONGEST_TICK = Duration.ofSeconds(10);

    public VmStatsProperties {
        requirePositive(interval, "interval");
        requirePositive(retention, "retention");
        requirePositive(sampleTimeout, "sample-timeout");
        if (historyMaxPoints < 1) {
            throw new IllegalArgumentException("nettoria.vm-stats.history-max-points must be at least 1");
        }
    }

    /** How often a node looks whether a round is due and publishes what changed: the interval, at most 10 s. */
    Duration tick() {
        return interval.compareTo(LONGEST_TICK) < 0 ? interval : LONGEST_TICK;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("nettoria.vm-stats." + name + " must be positive");
        }
    }
}
