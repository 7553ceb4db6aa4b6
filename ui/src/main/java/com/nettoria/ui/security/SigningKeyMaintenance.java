package com.nettoria.ui.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every {@code key-reload-interval}: reads the generated-key directory again (keys other nodes made, keys that
 * retired) and rotates when {@code rotation-interval} says so ({@link SigningKeys#maintain()}). Nothing runs when
 * the keys are configured.
 */
@Component
class SigningKeyMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyMaintenance.class);

    private final SigningKeys keys;
    private final JwtProperties properties;
    private ScheduledExecutorService scheduler;

    SigningKeyMaintenance(SigningKeys keys, JwtProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!keys.rotatable() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jwt-key-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.keyReloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::maintain, period, period, TimeUnit.MILLISECONDS);
    }

    private void maintain() {
        try {
            keys.maintain();
        } catch (RuntimeException e) {
            log.warn("JWT key maintenance failed; the keys in memory stay in use: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
