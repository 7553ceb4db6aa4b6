package com.nettoria.query.vmstats;

import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Wires VM stats sampling (docs/monitoring.md): the read model, the sampler, its schedule and the query handlers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VmStatsProperties.class)
public class VmStatsConfiguration {

    @Bean
    VmStatsReadModel vmStatsReadModel(JdbcTemplate jdbc, VmStatsProperties properties) {
        return new VmStatsReadModel(jdbc, new Freshness(Clock.systemUTC(), properties.interval()));
    }

    @Bean
    VmStatsUpdates vmStatsUpdates(VmStatsReadModel readModel, QueryUpdateEmitter emitter) {
        return new VmStatsUpdates(readModel, emitter);
    }

    @Bean
    VmStatsSampler vmStatsSampler(VmStatsReadModel readModel, QueryGateway queries,
                                  PlatformTransactionManager transactions, VmStatsUpdates updates,
                                  VmStatsProperties properties) {
        return new VmStatsSampler(readModel, queries, new TransactionTemplate(transactions), updates, properties,
                Clock.systemUTC());
    }

    @Bean
    VmStatsSchedule vmStatsSchedule(VmStatsSampler sampler, VmStatsUpdates updates, VmStatsProperties properties) {
        return new VmStatsSchedule(sampler, updates, properties);
    }

    @Bean
    VmStatsQueryHandlers vmStatsQueryHandlers(VmStatsReadModel readModel, VmStatsProperties properties) {
        return new VmStatsQueryHandlers(readModel, properties.historyMaxPoints());
    }
}
