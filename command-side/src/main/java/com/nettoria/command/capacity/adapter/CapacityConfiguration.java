package com.nettoria.command.capacity.adapter;

import com.nettoria.command.capacity.CapacityQueries;
import com.nettoria.command.vcenter.VCenter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The capacity query handler. */
@Configuration(proxyBeanMethods = false)
public class CapacityConfiguration {

    @Bean
    CapacityQueries capacityQueries(VCenter vcenter) {
        return new CapacityQueries(vcenter);
    }
}
