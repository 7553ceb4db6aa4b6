package com.nettoria.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** A clock tests move forward by hand: fixed, or the system time plus an offset. */
public final class MutableClock extends Clock {

    private final Supplier<Instant> base;
    private volatile Duration offset = Duration.ZERO;

    private MutableClock(Supplier<Instant> base) {
        this.base = base;
    }

    /** Stands still at {@code start} until moved. */
    public static MutableClock at(Instant start) {
        return new MutableClock(() -> start);
    }

    /** Runs with the system clock, plus whatever it was moved by. */
    public static MutableClock system() {
        return new MutableClock(Instant::now);
    }

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Back to no offset. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.get().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
