package com.nettoria.query.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code nettoria.event.processor.lag{processor=…}}: events between the store's head and each processor.
 * Registered once the application is ready, when every processor exists.
 */
@Component
public class EventProcessorLagMetrics {

    private final EventProcessorStatus status;
    private final MeterRegistry registry;

    public EventProcessorLagMetrics(EventProcessorStatus status, MeterRegistry registry) {
        this.status = status;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerGauges() {
        status.snapshots().keySet().forEach(name ->
                Gauge.builder("nettoria.event.processor.lag", status, s -> s.lag(name).orElse(0))
                        .tag("processor", name)
                        .description("events the processor is behind the head of the event store")
                        .baseUnit("events")
                        .register(registry));
    }
}
