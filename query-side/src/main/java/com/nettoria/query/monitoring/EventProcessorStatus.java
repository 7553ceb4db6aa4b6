package com.nettoria.query.monitoring;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the state of every streaming event processor in this process: running or not, in error or not,
 * and how many events behind the head of the event store it is (its lag).
 */
@Component
public class EventProcessorStatus {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public EventProcessorStatus(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** One processor's state. {@code lag} is empty while this node holds none of its segments. */
    public record Snapshot(String name, boolean running, boolean error, int claimedSegments, boolean caughtUp,
                           OptionalLong lag) {
    }

    public Map<String, Snapshot> snapshots() {
        long head = position(eventStore.createHeadToken());
        Map<String, Snapshot> result = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                result.put(name, snapshot(name, streaming, head));
            }
        });
        return result;
    }

    public OptionalLong lag(String processorName) {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .map(p -> snapshot(processorName, p, position(eventStore.createHeadToken())).lag())
                .orElse(OptionalLong.empty());
    }

    private static Snapshot snapshot(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean caughtUp = !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        OptionalLong lag = segments.values().stream()
                .mapToLong(status -> Math.max(0, head - status.getCurrentPosition().orElse(-1)))
                .max();
        return new Snapshot(name, processor.isRunning(), processor.isError() || error, segments.size(), caughtUp, lag);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
