package com.nettoria.command.reconciliation.adapter;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FirstRunAfterAnIntervalTest {

    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    final ReconciliationConfiguration.FirstRunAfterAnInterval schedule =
            new ReconciliationConfiguration.FirstRunAfterAnInterval(Duration.ofMinutes(5));

    @Test
    void theFirstRunComesOneIntervalAfterTheTaskIsScheduled() {
        assertThat(schedule.getInitialExecutionTime(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void eachNextRunComesOneIntervalAfterThePreviousEnded() {
        assertThat(schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(NOW)))
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }
}
