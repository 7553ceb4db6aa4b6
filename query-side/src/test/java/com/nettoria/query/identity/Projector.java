package com.nettoria.query.identity;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;

import java.util.Arrays;
import java.util.List;

/**
 * Hands events to projections the way an event processor does: through Axon's annotation adapter, so each
 * message reaches the handler for its payload with its parameters (sequence number, timestamp, metadata)
 * resolved; events no handler takes are skipped.
 */
public final class Projector {

    private final List<AnnotationEventHandlerAdapter> adapters;

    public Projector(Object... projections) {
        this.adapters = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
    }

    public void handle(EventMessage<?>... messages) {
        handle(List.of(messages));
    }

    public void handle(List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> message : messages) {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                try {
                    adapter.handle(message);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** What a processor does before a replay: every projection's reset handler. */
    public void reset() {
        adapters.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }
}
