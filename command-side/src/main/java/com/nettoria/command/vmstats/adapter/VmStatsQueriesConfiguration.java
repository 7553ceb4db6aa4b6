package com.nettoria.command.vmstats.adapter;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vmstats.VmStatsQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The VM stats query handler (the sampler that asks it runs on the query side). */
@Configuration(proxyBeanMethods = false)
public class VmStatsQueriesConfiguration {

    @Bean
    VmStatsQueries vmStatsQueries(VCenter vcenter) {
        return new VmStatsQueries(vcenter, Clock.systemUTC());
    }
}
