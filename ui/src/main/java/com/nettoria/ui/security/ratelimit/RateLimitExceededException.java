package com.nettoria.ui.security.ratelimit;

import java.time.Duration;

/** Too many attempts under a rate-limit policy; answered 429 with {@code Retry-After} (seconds). */
public class RateLimitExceededException extends RuntimeException {

    private final String policy;
    private final Duration retryAfter;

    public RateLimitExceededException(String policy, Duration retryAfter) {
        super("rate limit " + policy + " exceeded; retry after " + retryAfter);
        this.policy = policy;
        this.retryAfter = retryAfter;
    }

    public String policy() {
        return policy;
    }

    /** How long until the next attempt is allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: the {@code Retry-After} header's value. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
