package com.nettoria.command.common;

import com.nettoria.coreapi.common.Causation;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon settings of the write side that are code rather than properties. */
@Configuration(proxyBeanMethods = false)
public class CommandSideAxonConfiguration {

    /** Copies who-and-why metadata from every command onto the events it causes. */
    @Bean
    public CorrelationDataProvider causationCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Causation.KEYS);
    }

    /** Axon's own correlation and trace ids (replaced by the bean above unless declared as well). */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
