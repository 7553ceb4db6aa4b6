package com.nettoria.query;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets the query service start while Axon Server is unreachable, as the connector intends (it connects lazily
 * and retries in the background).
 * <p>
 * A {@code PooledStreamingEventProcessor} that has no tokens yet initialises them synchronously inside
 * {@code start()}, asking its event source for the tail token; with Axon Server as the event store that is a
 * remote call, and after 30 failed tries the processor's start fails and takes the Spring context down with it.
 * A new processor starts from the beginning of the stream either way, so it is given the {@code null} token
 * (the start of the stream) without asking. Later starts find their tokens in PostgreSQL and never asked.
 * Only with Axon Server: with the JDBC event store the tail is a local query.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
public class AxonServerProcessorStartConfiguration {

    @Bean
    public ConfigurerModule newPooledProcessorsStartAtTheBeginningWithoutAskingAxonServer() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.initialToken(source -> null));
    }
}
