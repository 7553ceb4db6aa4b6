package com.nettoria.query.vmstats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a sample stops being current: after two sampling intervals without a newer one, one round may have been
 * missed by chance (a node restarting), two mean vCenter or the command side is not answering, or the VM is gone.
 */
record Freshness(Clock clock, Duration interval) {

    boolean stale(Instant sampledAt) {
        return sampledAt.isBefore(clock.instant().minus(interval.multipliedBy(2)));
    }
}
