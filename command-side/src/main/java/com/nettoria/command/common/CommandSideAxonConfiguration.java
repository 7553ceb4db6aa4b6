package com.nettoria.command.common;

import com.fasterxml.jackson.databind.Module;
import com.nettoria.coreapi.common.Causation;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/** Axon settings of the write side that are code rather than properties. */
@Configuration(proxyBeanMethods = false)
public class CommandSideAxonConfiguration {

    /** PostgreSQL's SQL state of a unique constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Copies who-and-why metadata from every command onto the events it causes. */
    @Bean
    public CorrelationDataProvider causationCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Causation.KEYS);
    }

    /**
     * Recognises a unique violation on the event store (PostgreSQL's SQL state 23505, e.g. two nodes appending
     * the same aggregate sequence number) as a lost race, so that Axon raises a ConcurrencyException (or an
     * AggregateStreamCreationException) which the command gateway retries. Axon's JDBC default
     * (JdbcSQLErrorCodesResolver) only knows SQLIntegrityConstraintViolationException, which the PostgreSQL
     * driver never throws, so the conflict surfaced as an EventStoreException (HTTP 500). Axon's
     * SQLErrorCodesResolver cannot be used instead: it needs JPA on the classpath.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException
                        || t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Persistent deadlines of aggregates name their aggregate by its raw id ({@link AggregateDeadlineScopes}). */
    @Bean
    public Module aggregateDeadlineScopes() {
        return AggregateDeadlineScopes.module();
    }

    /** Axon's own correlation and trace ids (replaced by the bean above unless declared as well). */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Stops db-scheduler (persistent deadlines: provisioning steps, order expiry) first when the application stops,
     * waiting for the deadlines that are running to finish while Axon can still handle their commands. Otherwise
     * Axon unsubscribes its handlers before db-scheduler's bean is destroyed, a deadline running meanwhile fails
     * ("no handler for command") and db-scheduler retries it only minutes later.
     */
    @Bean
    SmartLifecycle stopDeadlinesBeforeAxon(ObjectProvider<Scheduler> scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                scheduler.ifAvailable(Scheduler::stop);
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE; // stopped before every other lifecycle, Axon's included
            }
        };
    }
}
