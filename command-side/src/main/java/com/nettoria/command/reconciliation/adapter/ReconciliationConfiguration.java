package com.nettoria.command.reconciliation.adapter;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.nettoria.command.reconciliation.ReconciliationInventory;
import com.nettoria.command.reconciliation.ReconciliationInventoryProjection;
import com.nettoria.command.reconciliation.VcenterReconciler;
import com.nettoria.command.vcenter.VCenter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Wires reconciliation with vCenter: the inventory in PostgreSQL and its event processor, the reconciler, and the
 * db-scheduler recurring task (picked up by db-scheduler's Spring Boot starter as a {@code Task} bean) that runs it
 * on one node at a time, every {@code nettoria.reconciliation.interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
public class ReconciliationConfiguration {

    /** The recurring task's name in {@code scheduled_tasks}. */
    public static final String TASK_NAME = "vcenter-reconciliation";

    private static final Logger log = LoggerFactory.getLogger(ReconciliationConfiguration.class);

    @Bean
    ReconciliationInventory reconciliationInventory(JdbcTemplate jdbc) {
        return new JdbcReconciliationInventory(jdbc);
    }

    @Bean
    ReconciliationInventoryProjection reconciliationInventoryProjection(ReconciliationInventory inventory) {
        return new ReconciliationInventoryProjection(inventory);
    }

    @Bean
    VcenterReconciler vcenterReconciler(VCenter vcenter, ReconciliationInventory inventory, CommandGateway commands,
                                        EventGateway events) {
        return new VcenterReconciler(vcenter, inventory, commands, events, Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
    }

    @Bean
    RecurringTask<Void> vcenterReconciliationTask(VcenterReconciler reconciler, ReconciliationProperties properties) {
        return Tasks.recurring(TASK_NAME, new FirstRunAfterAnInterval(properties.interval()))
                .execute((instance, context) -> {
                    if (!properties.enabled()) {
                        log.debug("Reconciliation with vCenter is disabled (nettoria.reconciliation.enabled)");
                        return;
                    }
                    try {
                        reconciler.reconcile();
                    } catch (RuntimeException e) {
                        // the next run comes after the interval all the same; each run starts from scratch
                        log.warn("Reconciliation with vCenter failed, next run in {}: {}", properties.interval(),
                                e.toString());
                    }
                });
    }

    /**
     * db-scheduler's fixed delay, except that the first run comes one interval after the task is first scheduled,
     * not at once: a node that starts gives the inventory's event processor time to catch up first.
     */
    record FirstRunAfterAnInterval(Duration interval) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
            return FixedDelay.of(interval).getNextExecutionTime(executionComplete);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
