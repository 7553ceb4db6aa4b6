package com.nettoria.ui;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Runs the command side and the query side inside this process (standalone, PostgreSQL and several-nodes
 * modes). The {@code axonserver} profile turns it off: the ui then only dispatches commands and queries to
 * the separately started services through Axon Server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nettoria.backend.in-process", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackages = {"com.nettoria.command", "com.nettoria.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class InProcessBackendConfiguration {
}
