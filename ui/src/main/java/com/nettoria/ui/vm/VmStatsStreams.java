package com.nettoria.ui.vm;

import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.VmStatsView;
import com.nettoria.ui.vm.VmStatsApi.StatsResponse;
import jakarta.annotation.PreDestroy;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A VM's stats as server-sent events, fed by a {@code WatchVmStatsQuery} subscription: a {@code stats} event with
 * the current values at once (the not-sampled-yet body before the first sample), then one after every sampling
 * round, with heartbeat comments in between. The subscription is cancelled when the client goes (a write fails),
 * the stream times out or completes; the stream completes when the subscription does.
 */
@Component
class VmStatsStreams {

    static final String EVENT = "stats";

    private static final Logger log = LoggerFactory.getLogger(VmStatsStreams.class);

    private final VmStatsReader stats;
    private final VmStatsStreamProperties properties;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vm-stats-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    VmStatsStreams(VmStatsReader stats, VmStatsStreamProperties properties) {
        this.stats = stats;
        this.properties = properties;
    }

    SseEmitter open(VmId vmId) {
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        SubscriptionQueryResult<Optional<VmStatsView>, VmStatsView> watch = stats.watch(vmId);
        Stream stream = new Stream(emitter, watch);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::complete);
        emitter.onError(error -> stream.close());
        long heartbeat = properties.heartbeat().toMillis();
        stream.heartbeat = heartbeats.scheduleAtFixedRate(stream::heartbeat, heartbeat, heartbeat,
                TimeUnit.MILLISECONDS);
        // writes to the client happen off the thread that emitted the update (the sampling round's)
        stream.updates = watch.initialResult()
                .map(current -> current.map(StatsResponse::of).orElseGet(() -> StatsResponse.notSampledYet(vmId)))
                .concatWith(watch.updates().map(StatsResponse::of))
                .publishOn(Schedulers.boundedElastic())
                .subscribe(stream::send, stream::failed, stream::complete);
        return emitter;
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    /** One client's stream: its emitter, subscription and heartbeat, closed once. */
    private static final class Stream {

        private final SseEmitter emitter;
        private final SubscriptionQueryResult<?, ?> watch;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile ScheduledFuture<?> heartbeat;
        private volatile Disposable updates;

        Stream(SseEmitter emitter, SubscriptionQueryResult<?, ?> watch) {
            this.emitter = emitter;
            this.watch = watch;
        }

        void send(StatsResponse values) {
            write(SseEmitter.event().name(EVENT).data(values, MediaType.APPLICATION_JSON));
        }

        void heartbeat() {
            write(SseEmitter.event().comment("heartbeat"));
        }

        private void write(SseEmitter.SseEventBuilder event) {
            if (closed.get()) {
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                // the client went away (or the stream ended meanwhile): the container completes the request
                close();
            }
        }

        void failed(Throwable error) {
            log.debug("VM stats subscription failed, closing its stream: {}", error.toString());
            complete();
        }

        void complete() {
            close();
            emitter.complete();
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                ScheduledFuture<?> beat = heartbeat;
                if (beat != null) {
                    beat.cancel(false);
                }
                Disposable subscription = updates;
                if (subscription != null) {
                    subscription.dispose();
                }
                watch.cancel();
            }
        }
    }
}
