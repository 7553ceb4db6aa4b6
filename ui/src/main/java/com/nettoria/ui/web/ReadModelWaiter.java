package com.nettoria.ui.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Read-your-writes for the HTTP API: after a command succeeds, asks the read model until it shows the
 * result or the wait runs out. Polling (not a subscription query) so it also works when another node's
 * processor projects the event.
 */
@Component
public class ReadModelWaiter {

    private final Duration timeout;

    public ReadModelWaiter(@Value("${nettoria.api.read-your-writes-timeout:5s}") Duration timeout) {
        this.timeout = timeout;
    }

    public <T> Optional<T> await(Supplier<Optional<T>> query) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseNanos = Duration.ofMillis(2).toNanos();
        while (true) {
            Optional<T> result = query.get();
            if (result.isPresent() || System.nanoTime() > deadline) {
                return result;
            }
            LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, Duration.ofMillis(50).toNanos());
        }
    }
}
