package com.nettoria.ui.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The web application's shared beans: clock, command gateway, OpenAPI description. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Retries a command only when it lost a race for the same aggregate (two nodes appending the same
     * sequence number): the retry reloads the aggregate and decides again. Business refusals are never retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        IntervalRetryScheduler.Builder settings = IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(25)
                .maxRetryCount(20);
        // Axon applies a non-transient predicate to the failure AND to each of its causes, and gives up when any
        // of them matches; the SQLException under a ConcurrencyException would match "not a conflict", so the
        // decision is made here on the whole chain instead.
        IntervalRetryScheduler retries = new IntervalRetryScheduler(settings) {
            @Override
            protected boolean isExplicitlyNonTransient(Throwable failure) {
                return !isConcurrencyConflict(failure);
            }
        };
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }

    static boolean isConcurrencyConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    OpenAPI nettoriaOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Nettoria API").version("v1")
                        .description("Cloud service provider platform: wallet, orders, virtual machines, tickets. "
                                + "Every error is application/problem+json (RFC 7807). Money-moving POSTs need "
                                + "an Idempotency-Key header."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
