package com.nettoria.command.provisioning;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient provisioning is with vCenter.
 *
 * @param maxAttempts     attempts per step (and per clean-up) when vCenter is unavailable or slow, including the first
 * @param firstRetryDelay the wait before the second attempt; it doubles with every attempt up to {@code maxRetryDelay}
 * @param ipPollInterval  how often the guest is asked for its IP address after power-on
 * @param ipWaitLimit     how long the guest may take to report an IP address before provisioning fails
 * @param overallTimeout  how long the whole provisioning may take before it fails and is compensated
 */
public record ProvisioningSettings(int maxAttempts,
                                   Duration firstRetryDelay,
                                   Duration maxRetryDelay,
                                   Duration ipPollInterval,
                                   Duration ipWaitLimit,
                                   Duration overallTimeout) {

    public ProvisioningSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(ipPollInterval, "ipPollInterval");
        Objects.requireNonNull(ipWaitLimit, "ipWaitLimit");
        Objects.requireNonNull(overallTimeout, "overallTimeout");
    }

    public static ProvisioningSettings defaults() {
        return new ProvisioningSettings(5, Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofSeconds(5),
                Duration.ofMinutes(10), Duration.ofMinutes(30));
    }

    /** The wait before attempt number {@code attempt + 1} (attempt 1 has just failed). */
    public Duration retryDelay(int attempt) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    /** How many times the guest is asked for its IP address before provisioning gives up. */
    public long ipPolls() {
        return Math.max(1, ipWaitLimit.toMillis() / Math.max(1, ipPollInterval.toMillis()));
    }
}
