package com.nettoria.coreapi.vm;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * A VM's backup schedule and the rules every side shares about it: a snapshot every day (or every week on
 * {@code dayOfWeek}) at {@code timeOfDay} ({@code HH:mm}, UTC), keeping the newest {@code retain} of them. Each due
 * time is a <em>slot</em>; the slot names the snapshot and its operation, so a slot triggered twice takes one
 * snapshot.
 *
 * @param dayOfWeek the day of a {@code WEEKLY} schedule; {@code null} for a {@code DAILY} one
 */
public record VmSnapshotSchedule(SnapshotFrequency frequency, String timeOfDay, DayOfWeek dayOfWeek, int retain) {

    /**
     * The most automatic snapshots a schedule keeps: a week of daily backups. They come on top of the owner's
     * {@link VmSnapshots#LIMIT} manual ones, so a VM holds at most {@code LIMIT + MAX_RETAIN + 1} snapshots (the one
     * over while the oldest is being deleted) — well within vCenter's chain of 32.
     */
    public static final int MAX_RETAIN = 7;

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    /** A field of a schedule that breaks the rules, and why. */
    public record Violation(String field, String message) {
    }

    /** The first field that breaks the rules; empty for a schedule that can be kept. */
    public Optional<Violation> violation() {
        if (frequency == null) {
            return Optional.of(new Violation("frequency", "the frequency is DAILY or WEEKLY"));
        }
        if (time() == null) {
            return Optional.of(new Violation("timeOfDay", "the time of day is HH:mm in UTC (00:00 to 23:59)"));
        }
        if (frequency == SnapshotFrequency.WEEKLY && dayOfWeek == null) {
            return Optional.of(new Violation("dayOfWeek", "a weekly schedule names its day (MONDAY to SUNDAY)"));
        }
        if (frequency == SnapshotFrequency.DAILY && dayOfWeek != null) {
            return Optional.of(new Violation("dayOfWeek", "a daily schedule has no day of the week"));
        }
        if (retain < 1 || retain > MAX_RETAIN) {
            return Optional.of(new Violation("retain", "a schedule keeps 1 to " + MAX_RETAIN
                    + " automatic snapshots"));
        }
        return Optional.empty();
    }

    /** The first slot strictly after {@code instant}. Only for a schedule without {@link #violation()}. */
    public Instant slotAfter(Instant instant) {
        LocalDateTime after = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        LocalDateTime slot = after.toLocalDate().atTime(time());
        if (frequency == SnapshotFrequency.WEEKLY) {
            slot = slot.with(TemporalAdjusters.nextOrSame(dayOfWeek));
        }
        if (!slot.isAfter(after)) {
            slot = slot.plus(1, frequency == SnapshotFrequency.WEEKLY ? ChronoUnit.WEEKS : ChronoUnit.DAYS);
        }
        return slot.toInstant(ZoneOffset.UTC);
    }

    /** The operation that takes a slot's snapshot: the same slot, the same operation (and snapshot id). */
    public static String operationId(Instant slot) {
        return "scheduled-snapshot-" + SLOT.format(slot);
    }

    /** The operation that deletes an automatic snapshot beyond {@code retain}, after the slot {@code slot}. */
    public static String retentionOperationId(Instant slot, String snapshotId) {
        return "snapshot-retention-" + SLOT.format(slot) + "-" + snapshotId;
    }

    /** The name a slot's snapshot is listed under, e.g. {@code auto-2026-11-28T03:00Z}. */
    public static String snapshotName(Instant slot) {
        return "auto-" + SLOT.format(slot);
    }

    private LocalTime time() {
        if (timeOfDay == null || timeOfDay.length() != 5) {
            return null;
        }
        try {
            return LocalTime.parse(timeOfDay, TIME_OF_DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
