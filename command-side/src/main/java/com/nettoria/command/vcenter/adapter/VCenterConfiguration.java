package com.nettoria.command.vcenter.adapter;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.adapter.vijava.VijavaVCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vCenter adapter, found by the component scan of {@code com.nettoria.command} (the command-side service, and
 * the ui's in-process backend): the vijava adapter when {@code nettoria.vcenter.url} is set, otherwise a
 * {@link NotConfiguredVCenter} that refuses every call as unavailable. Either way the context has exactly one
 * {@link VCenter} and the {@code vcenter} health indicator. The adapter connects on its first call, so a vCenter
 * that is down does not stop the start; a malformed URL or an unreadable trust store does.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VCenterProperties.class)
public class VCenterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VCenterConfiguration.class);

    @Bean
    VCenter vCenter(VCenterProperties properties) {
        if (!properties.configured()) {
            log.info("vCenter: none configured (nettoria.vcenter.url): VM operations will fail as unavailable");
            return new NotConfiguredVCenter();
        }
        return new VijavaVCenter(properties);
    }

    @Bean
    VCenterHealthIndicator vcenterHealthIndicator(VCenter vCenter) {
        return new VCenterHealthIndicator(vCenter);
    }
}
