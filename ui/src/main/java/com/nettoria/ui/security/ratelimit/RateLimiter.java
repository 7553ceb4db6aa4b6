package com.nettoria.ui.security.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Named token-bucket limits (Bucket4j) from {@code nettoria.security.rate-limits}: one bucket per policy and key
 * (an account, an address). {@link #consume} takes one attempt or refuses with
 * {@link RateLimitExceededException}, which the web layer answers 429 with {@code Retry-After}.
 * <p>
 * Buckets live in this node's memory: each node counts on its own (behind a load balancer a caller gets up to
 * nodes × capacity), and a restart forgets them. Per policy at most {@code max-keys} keys are remembered (least
 * recently used forgotten first) and a key untouched until its bucket is full again is dropped, so memory stays
 * bounded whatever keys callers make up. Keys are compared without letter case and surrounding blanks.
 */
@Component
public class RateLimiter {

    private static final int LONGEST_KEY = 128;

    private final Map<String, PolicyBuckets> policies;

    public RateLimiter(RateLimitProperties properties, Clock clock) {
        TimeMeter time = new ClockTimeMeter(clock);
        Map<String, PolicyBuckets> byName = new TreeMap<>();
        properties.rateLimits().forEach((name, policy) -> byName.put(name, new PolicyBuckets(name, policy, time)));
        this.policies = Map.copyOf(byName);
    }

    /**
     * Takes one attempt from {@code key}'s bucket of {@code policy}.
     *
     * @throws RateLimitExceededException when the bucket is empty; it says when the next attempt is allowed
     * @throws IllegalArgumentException   when no policy has that name (a programming error)
     */
    public void consume(String policy, String key) {
        ConsumptionProbe probe = policy(policy).bucket(normalize(key)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitExceededException(policy, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * Forgets {@code key}'s bucket of {@code policy}: its next attempt starts from a full bucket. After a
     * successful login, reset the account's login policy, never a per-address one (a caller could otherwise
     * reset its own address's count by logging into an account of its own between guesses).
     */
    public void reset(String policy, String key) {
        policy(policy).forget(normalize(key));
    }

    /** The configured policy names. */
    public Set<String> policies() {
        return policies.keySet();
    }

    /** How many keys {@code policy} remembers now (for tests and metrics). */
    int size(String policy) {
        return policy(policy).size();
    }

    private PolicyBuckets policy(String name) {
        PolicyBuckets buckets = policies.get(name);
        if (buckets == null) {
            throw new IllegalArgumentException("no rate-limit policy named '" + name
                    + "' (nettoria.security.rate-limits): " + policies.keySet());
        }
        return buckets;
    }

    private static String normalize(String key) {
        String normalized = Objects.requireNonNull(key, "key").strip().toLowerCase(Locale.ROOT);
        if (normalized.length() <= LONGEST_KEY) {
            return normalized;
        }
        try { // a long key costs no more memory than a short one
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha256.digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The buckets of one policy: a bounded map in least-recently-used order. */
    private static final class PolicyBuckets {

        private record Entry(Bucket bucket, long lastUsedNanos) {
        }

        private final RateLimitProperties.Policy policy;
        private final Bandwidth bandwidth;
        private final TimeMeter time;
        private final long idleNanos;
        private final LinkedHashMap<String, Entry> buckets = new LinkedHashMap<>(64, 0.75f, true);

        PolicyBuckets(String name, RateLimitProperties.Policy policy, TimeMeter time) {
            this.policy = policy;
            this.time = time;
            this.idleNanos = policy.timeToFull().toNanos();
            BandwidthBuilder.BandwidthBuilderRefillStage withCapacity = Bandwidth.builder().capacity(policy.capacity());
            BandwidthBuilder.BandwidthBuilderBuildStage refilled = switch (policy.refill()) {
                case GREEDY -> withCapacity.refillGreedy(policy.refillTokens(), policy.refillPeriod());
                case INTERVAL -> withCapacity.refillIntervally(policy.refillTokens(), policy.refillPeriod());
            };
            this.bandwidth = refilled.id(name).build();
        }

        synchronized Bucket bucket(String key) {
            long now = time.currentTimeNanos();
            dropIdle(now);
            Entry entry = buckets.get(key);
            Bucket bucket = entry != null ? entry.bucket()
                    : Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build();
            buckets.put(key, new Entry(bucket, now));
            if (buckets.size() > policy.maxKeys()) {
                Iterator<String> eldest = buckets.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
            return bucket;
        }

        synchronized void forget(String key) {
            buckets.remove(key);
        }

        synchronized int size() {
            dropIdle(time.currentTimeNanos());
            return buckets.size();
        }

        /** Buckets untouched long enough to be full again are the same as new ones: forget them. */
        private void dropIdle(long now) {
            Iterator<Entry> oldestFirst = buckets.values().iterator();
            while (oldestFirst.hasNext() && now - oldestFirst.next().lastUsedNanos() >= idleNanos) {
                oldestFirst.remove();
            }
        }
    }

    /** Bucket4j's time from the application {@link Clock}, so tests can move time. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
