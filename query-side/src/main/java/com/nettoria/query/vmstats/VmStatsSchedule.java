package com.nettoria.query.vmstats;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ticks on one thread of its own while the application runs: each tick takes the sampling round if it is due
 * ({@link VmStatsSampler#sampleIfDue()}; never on a node with {@code nettoria.vm-stats.enabled=false}) and
 * publishes what other nodes sampled to this node's subscribers. A failed tick is logged; the next one comes all
 * the same.
 */
class VmStatsSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VmStatsSchedule.class);

    private final VmStatsSampler sampler;
    private final VmStatsUpdates updates;
    private final VmStatsProperties properties;
    private ScheduledExecutorService ticks;

    VmStatsSchedule(VmStatsSampler sampler, VmStatsUpdates updates, VmStatsProperties properties) {
        this.sampler = sampler;
        this.updates = updates;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vm-stats");
            thread.setDaemon(true);
            return thread;
        });
        long tick = properties.tick().toMillis();
        ticks.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            if (properties.enabled()) {
                sampler.sampleIfDue();
            }
            updates.publish();
        } catch (RuntimeException e) {
            log.warn("VM stats tick failed, next in {}: {}", properties.tick(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
            ticks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticks != null;
    }
}
