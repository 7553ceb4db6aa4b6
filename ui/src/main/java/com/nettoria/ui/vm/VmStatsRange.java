package com.nettoria.ui.vm;

import com.nettoria.ui.web.ApiProblem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code from} and {@code to} of a stats history request: ISO-8601 instants ({@code 2026-11-28T10:00:00Z}),
 * {@code to} now and {@code from} an hour before {@code to} when left out; {@code from} before {@code to}, at most
 * {@link #LONGEST} apart. A wrong value is a 400 naming the parameter.
 */
record VmStatsRange(Instant from, Instant to) {

    static final Duration DEFAULT = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofDays(31);

    static VmStatsRange of(String from, String to, Clock clock) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant(to, "to");
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw ApiProblem.badRequest("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ApiProblem.badRequest("from", "a history covers at most " + LONGEST.toDays() + " days");
        }
        return new VmStatsRange(start, end);
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, field + " must be an ISO-8601 instant such as 2026-11-28T10:00:00Z");
        }
    }
}
