package com.nettoria.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One aggregate's events as the event store would hold them, for projection tests: each event gets the aggregate's
 * next sequence number and a time a pause (one second unless said) after the previous one.
 */
public final class EventStream {

    private final String type;
    private final String aggregateId;
    private long sequence = -1;
    private Instant time;

    public EventStream(String type, String aggregateId, Instant start) {
        this.type = type;
        this.aggregateId = aggregateId;
        this.time = start;
    }

    /** The time of the last event made (the start before the first). */
    public Instant lastTime() {
        return time;
    }

    public <T> DomainEventMessage<T> next(T payload) {
        return next(payload, MetaData.emptyInstance());
    }

    public <T> DomainEventMessage<T> next(T payload, MetaData metaData) {
        return after(Duration.ofSeconds(1), payload, metaData);
    }

    public <T> DomainEventMessage<T> after(Duration pause, T payload, MetaData metaData) {
        sequence++;
        time = time.plus(pause);
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData,
                UUID.randomUUID().toString(), time);
    }
}
