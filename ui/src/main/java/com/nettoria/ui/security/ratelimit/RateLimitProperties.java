package com.nettoria.ui.security.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code nettoria.security.rate-limits.<policy>.*}: the named limits {@link RateLimiter} enforces, e.g.
 * {@code login-per-account: {capacity: 5, refill-period: 15m}}.
 *
 * @param rateLimits the policies by name
 */
@ConfigurationProperties("nettoria.security")
public record RateLimitProperties(Map<String, Policy> rateLimits) {

    public RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /** How a bucket gives back spent attempts. */
    public enum Refill {
        /** one attempt at a time, evenly over the period (5 per 15 minutes: one every 3 minutes) */
        GREEDY,
        /** all of {@code refill-tokens} at once, each period */
        INTERVAL
    }

    /**
     * One limit: at most {@code capacity} attempts in a burst, {@code refill-tokens} (default: capacity) given
     * back per {@code refill-period}.
     *
     * @param capacity     attempts a fresh key has
     * @param refillPeriod the period in which {@code refill-tokens} attempts come back
     * @param refillTokens attempts given back per period; default {@code capacity}
     * @param refill       {@code greedy} (default) or {@code interval}
     * @param maxKeys      how many keys (accounts, addresses) this node remembers at most; beyond it the least
     *                     recently used key is forgotten, so memory stays bounded whatever callers send
     */
    public record Policy(long capacity, Duration refillPeriod, Long refillTokens, Refill refill, Integer maxKeys) {

        public Policy {
            refillTokens = refillTokens == null ? capacity : refillTokens;
            refill = refill == null ? Refill.GREEDY : refill;
            maxKeys = maxKeys == null ? 50_000 : maxKeys;
            if (capacity < 1 || refillTokens < 1 || maxKeys < 1) {
                throw new IllegalArgumentException("a rate-limit policy needs capacity, refill-tokens and max-keys "
                        + "of at least 1");
            }
            if (refillPeriod == null || refillPeriod.isZero() || refillPeriod.isNegative()) {
                throw new IllegalArgumentException("a rate-limit policy needs a positive refill-period");
            }
        }

        /** How long an untouched bucket takes to be full again, after which forgetting it changes nothing. */
        Duration timeToFull() {
            long periods = (capacity + refillTokens - 1) / refillTokens;
            return refillPeriod.multipliedBy(periods);
        }
    }
}
