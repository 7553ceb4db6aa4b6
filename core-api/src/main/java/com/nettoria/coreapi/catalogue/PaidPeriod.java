package com.nettoria.coreapi.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One billing period paid in advance, {@code from} inclusive to {@code until} exclusive. Periods follow one another
 * from the moment billing started (the VM was handed over), each {@link BillingPeriod#months()} calendar months long
 * in UTC; hourly billing has none.
 */
public record PaidPeriod(Instant from, Instant until) {

    public PaidPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("a paid period ends after it starts");
        }
    }

    /**
     * The period {@code at} falls in, for a VM billed in advance for {@code period} since {@code billingStart}
     * (the first period when {@code at} is earlier).
     *
     * @throws IllegalArgumentException for hourly billing, which pays nothing in advance
     */
    public static PaidPeriod at(Instant billingStart, BillingPeriod period, Instant at) {
        if (period.hourly()) {
            throw new IllegalArgumentException("hourly billing pays no period in advance");
        }
        ZonedDateTime start = billingStart.atZone(ZoneOffset.UTC);
        long index = 0;
        ZonedDateTime from = start;
        ZonedDateTime until = start.plusMonths(period.months());
        while (!until.toInstant().isAfter(at)) {
            index++;
            from = until;
            until = start.plusMonths((index + 1) * period.months());
        }
        return new PaidPeriod(from.toInstant(), until.toInstant());
    }

    /** Whole seconds of this period still to come at {@code at}: all before it starts, 0 once it ended. */
    public long secondsLeft(Instant at) {
        Instant clamped = at.isBefore(from) ? from : at.isAfter(until) ? until : at;
        return Duration.between(clamped, until).getSeconds();
    }

    public long lengthSeconds() {
        return Duration.between(from, until).getSeconds();
    }
}
