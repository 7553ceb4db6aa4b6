package com.nettoria.query.monitoring;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
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
    private final TokenStore tokenStore;

    public EventProcessorStatus(EventProcessingConfiguration processing, EventStore eventStore,
                                TokenStore tokenStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
    }

    /**
     * One processor's state. {@code claimedSegments} are held by this node; {@code unclaimedSegments} are held
     * by no node at all (nobody is processing them: a stuck or released segment). {@code lag} is empty while
     * this node holds none of the processor's segments.
     */
    public record Snapshot(String name, boolean running, boolean error, int claimedSegments, int unclaimedSegments,
                           boolean caughtUp, OptionalLong lag) {
    }

    public Map<String, Snapshot> snapshots() {
        long head = position(eventStore.createHeadToken());
        Map<String, Snapshot> result = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                result.put(name, snapshot(name, streaming, head, unclaimed(name, streaming)));
            }
        });
        return result;
    }

    public OptionalLong lag(String processorName) {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .map(p -> snapshot(processorName, p, position(eventStore.createHeadToken()), 0).lag())
                .orElse(OptionalLong.empty());
    }

    /** Segments no node holds: claimable by this node, yet not among those it processes. */
    private int unclaimed(String processorName, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> mine = processor.processingStatus();
        return (int) tokenStore.fetchAvailableSegments(processorName).stream()
                .filter(segment -> !mine.containsKey(segment.getSegmentId()))
                .count();
    }

    private static Snapshot snapshot(String name, StreamingEventProcessor processor, long head, int unclaimed) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean caughtUp = unclaimed == 0 && !segments.isEmpty()
                && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        OptionalLong lag = segments.values().stream()
                .mapToLong(status -> Math.max(0, head - status.getCurrentPosition().orElse(-1)))
                .max();
        return new Snapshot(name, processor.isRunning(), processor.isError() || error, segments.size(), unclaimed,
                caughtUp, lag);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
