package com.nettoria.query.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code nettoria.event.processor.lag{processor=…}}: events between the store's head and each processor.
 * Registered once the application is ready, when every processor exists. Registering asks nothing of the event
 * store (with Axon Server it may not be reachable yet); each reading does.
 */
@Component
public class EventProcessorLagMetrics {

    private final EventProcessingConfiguration processing;
    private final EventProcessorStatus status;
    private final MeterRegistry registry;

    public EventProcessorLagMetrics(EventProcessingConfiguration processing, EventProcessorStatus status,
                                    MeterRegistry registry) {
        this.processing = processing;
        this.status = status;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                Gauge.builder("nettoria.event.processor.lag", status, s -> s.lag(name).orElse(0))
                        .tag("processor", name)
                        .description("events the processor is behind the head of the event store")
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }
}
