package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.provisioning.ProvisioningSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code nettoria.provisioning.*}: how patient provisioning and VM operations are with vCenter.
 *
 * @param shutdownGrace how long a graceful guest shutdown may take before the VM is powered off hard
 */
@ConfigurationProperties("nettoria.provisioning")
public record ProvisioningProperties(@DefaultValue("5") int maxAttempts,
                                     @DefaultValue("5s") Duration firstRetryDelay,
                                     @DefaultValue("2m") Duration maxRetryDelay,
                                     @DefaultValue("5s") Duration ipPollInterval,
                                     @DefaultValue("10m") Duration ipWaitLimit,
                                     @DefaultValue("30m") Duration overallTimeout,
                                     @DefaultValue("2m") Duration shutdownGrace) {

    ProvisioningSettings settings() {
        return new ProvisioningSettings(maxAttempts, firstRetryDelay, maxRetryDelay, ipPollInterval, ipWaitLimit,
                overallTimeout);
    }
}
