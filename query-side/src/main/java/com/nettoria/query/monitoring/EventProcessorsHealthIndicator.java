package com.nettoria.query.monitoring;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health/eventProcessors}: DOWN when a processor has stopped, is in error, or has segments
 * that no node is processing; with each processor's claimed and unclaimed segments, whether it has caught up,
 * and its lag in events. (A segment is briefly unclaimed while a node starts or another takes over.)
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessorStatus status;

    public EventProcessorsHealthIndicator(EventProcessorStatus status) {
        super("event processor health check failed");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        for (EventProcessorStatus.Snapshot snapshot : status.snapshots().values()) {
            healthy &= snapshot.running() && !snapshot.error() && snapshot.unclaimedSegments() == 0;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", snapshot.running());
            details.put("error", snapshot.error());
            details.put("claimedSegments", snapshot.claimedSegments());
            details.put("unclaimedSegments", snapshot.unclaimedSegments());
            details.put("caughtUp", snapshot.caughtUp());
            snapshot.lag().ifPresent(lag -> details.put("lag", lag));
            builder.withDetail(snapshot.name(), details);
        }
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
