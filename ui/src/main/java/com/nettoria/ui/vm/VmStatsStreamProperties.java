package com.nettoria.ui.vm;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code nettoria.vm-stats.stream.*}: the server-sent events of a VM's stats.
 *
 * @param heartbeat how often a comment line is sent between updates, so that proxies keep the connection open and
 *                  a client that went away is noticed (the write fails)
 * @param timeout   how long one stream stays open; the browser's EventSource then connects again
 */
@ConfigurationProperties("nettoria.vm-stats.stream")
public record VmStatsStreamProperties(@DefaultValue("15s") Duration heartbeat,
                                      @DefaultValue("30m") Duration timeout) {

    public VmStatsStreamProperties {
        if (heartbeat == null || heartbeat.isZero() || heartbeat.isNegative()) {
            throw new IllegalArgumentException("nettoria.vm-stats.stream.heartbeat must be positive");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("nettoria.vm-stats.stream.timeout must be positive");
        }
    }
}
