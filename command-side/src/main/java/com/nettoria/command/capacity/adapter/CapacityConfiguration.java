package com.nettoria.command.capacity.adapter;

import com.nettoria.command.capacity.CapacityAllocationProjection;
import com.nettoria.command.capacity.CapacityAllocations;
import com.nettoria.command.capacity.CapacityCheck;
import com.nettoria.command.capacity.CapacityQueries;
import com.nettoria.command.vcenter.VCenter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Capacity: the allocations in PostgreSQL and their event processor, the check orders (and scale-ups) call, and the
 * capacity query handlers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CapacityProperties.class)
public class CapacityConfiguration {

    @Bean
    CapacityAllocations capacityAllocations(JdbcTemplate jdbc) {
        return new JdbcCapacityAllocations(jdbc);
    }

    @Bean
    CapacityAllocationProjection capacityAllocationProjection(CapacityAllocations allocations) {
        return new CapacityAllocationProjection(allocations);
    }

    @Bean
    CapacityCheck capacityCheck(VCenter vcenter, CapacityAllocations allocations, CapacityProperties properties) {
        return new CapacityCheck(vcenter, allocations, properties.policy());
    }

    @Bean
    CapacityQueries capacityQueries(VCenter vcenter, CapacityCheck check) {
        return new CapacityQueries(vcenter, check);
    }
}
