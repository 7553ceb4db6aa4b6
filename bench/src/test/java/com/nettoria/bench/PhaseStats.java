package com.nettoria.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one phase of the run measured, in microseconds: the latency of every wallet command as the client saw it
 * (request sent → response received), the projection lag of the probed commands (202 received → the
 * transaction readable through the API), the round trip of each lag poll, and counts per outcome.
 */
final class PhaseStats {

    private static final int MAX_ERROR_SAMPLES = 5;
    private static final int MAX_SECONDS = 3_600;

    final String name;
    final Histogram commandLatency = new ConcurrentHistogram(3);
    final Histogram projectionLag = new ConcurrentHistogram(3);
    final Histogram pollRoundTrip = new ConcurrentHistogram(3);
    final LongAdder commandsOk = new LongAdder();
    final LongAdder commandsFailed = new LongAdder();
    final LongAdder lagTimeouts = new LongAdder();
    /** synchronous commands answered 202 because the read model did not show them within the server's wait */
    final LongAdder syncNotVisible = new LongAdder();
    final LongAdder polls = new LongAdder();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
    /** successful commands per second since the phase's first command */
    private final AtomicLongArray perSecond = new AtomicLongArray(MAX_SECONDS);
    private volatile long origin = Long.MIN_VALUE;

    PhaseStats(String name) {
        this.name = name;
    }

    void command(String operation, long startNanos, long endNanos, int status, boolean ok, String body) {
        firstStart.accumulateAndGet(startNanos, Math::min);
        lastEnd.accumulateAndGet(endNanos, Math::max);
        if (origin == Long.MIN_VALUE) {
            synchronized (this) {
                if (origin == Long.MIN_VALUE) {
                    origin = startNanos;
                }
            }
        }
        outcomes.computeIfAbsent(operation + " " + status, k -> new LongAdder()).increment();
        if (ok) {
            commandsOk.increment();
            commandLatency.recordValue(Math.max(0, (endNanos - startNanos) / 1_000));
            int second = (int) ((endNanos - origin) / 1_000_000_000L);
            if (second >= 0 && second < MAX_SECONDS) {
                perSecond.incrementAndGet(second);
            }
        } else {
            commandsFailed.increment();
            if (errorSamples.size() < MAX_ERROR_SAMPLES) {
                errorSamples.add(operation + " → " + status + " " + abbreviate(body));
            }
        }
    }

    void poll(long startNanos, long endNanos) {
        polls.increment();
        pollRoundTrip.recordValue(Math.max(0, (endNanos - startNanos) / 1_000));
    }

    void visible(long acceptedNanos, long visibleNanos) {
        projectionLag.recordValue(Math.max(0, (visibleNanos - acceptedNanos) / 1_000));
    }

    /** seconds between the first command's start and the last command's end */
    double windowSeconds() {
        long first = firstStart.get();
        long last = lastEnd.get();
        return first == Long.MAX_VALUE || last <= first ? 0 : (last - first) / 1e9;
    }

    double throughput() {
        double window = windowSeconds();
        return window == 0 ? 0 : commandsOk.sum() / window;
    }

    /** successful commands per whole second of the phase, e.g. "212 250 248 ..." */
    String timeline() {
        int seconds = (int) Math.min(MAX_SECONDS, Math.ceil(windowSeconds()));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < seconds; i++) {
            line.append(i == 0 ? "" : " ").append(perSecond.get(i));
        }
        return line.toString();
    }

    /** this phase's figures as flat properties (times in milliseconds) */
    Map<String, String> figures() {
        Map<String, String> out = new TreeMap<>();
        String p = name + ".";
        out.put(p + "commands.ok", Long.toString(commandsOk.sum()));
        out.put(p + "commands.failed", Long.toString(commandsFailed.sum()));
        out.put(p + "window.seconds", String.format(java.util.Locale.ROOT, "%.2f", windowSeconds()));
        out.put(p + "throughput.per.second", String.format(java.util.Locale.ROOT, "%.1f", throughput()));
        percentiles(out, p + "latency", commandLatency);
        percentiles(out, p + "lag", projectionLag);
        percentiles(out, p + "poll", pollRoundTrip);
        out.put(p + "lag.timeouts", Long.toString(lagTimeouts.sum()));
        out.put(p + "polls", Long.toString(polls.sum()));
        out.put(p + "sync.not.visible", Long.toString(syncNotVisible.sum()));
        out.put(p + "per.second", timeline());
        new TreeMap<>(outcomes).forEach((k, v) -> out.put(p + "outcome." + k.replace(' ', '.'), Long.toString(v.sum())));
        int i = 0;
        for (String sample : errorSamples) {
            out.put(p + "error.sample." + (i++), sample);
        }
        return out;
    }

    private static void percentiles(Map<String, String> out, String prefix, Histogram histogram) {
        out.put(prefix + ".count", Long.toString(histogram.getTotalCount()));
        if (histogram.getTotalCount() == 0) {
            return;
        }
        out.put(prefix + ".p50.ms", millis(histogram.getValueAtPercentile(50)));
        out.put(prefix + ".p95.ms", millis(histogram.getValueAtPercentile(95)));
        out.put(prefix + ".p99.ms", millis(histogram.getValueAtPercentile(99)));
        out.put(prefix + ".max.ms", millis(histogram.getMaxValue()));
        out.put(prefix + ".mean.ms", String.format(java.util.Locale.ROOT, "%.2f", histogram.getMean() / 1_000.0));
    }

    private static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.2f", micros / 1_000.0);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
