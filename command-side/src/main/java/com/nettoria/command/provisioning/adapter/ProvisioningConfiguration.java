package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.identity.SecretCodes;
import com.nettoria.command.provisioning.GuestInit;
import com.nettoria.command.provisioning.ProvisioningSettings;
import com.nettoria.command.provisioning.VmProvisioningSaga;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vm.VmOperationsWorker;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Provisioning settings and guest data (read by the saga as handler parameters) and the VM operations worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvisioningProperties.class)
public class ProvisioningConfiguration {

    @Bean
    ProvisioningSettings provisioningSettings(ProvisioningProperties properties) {
        return properties.settings();
    }

    /** What new and rebuilt guests are told at first boot (read by the saga as a handler parameter too). */
    @Bean
    GuestInit guestInit(SecretCodes secrets) {
        return new GuestInit(secrets);
    }

    @Bean
    VmOperationsWorker vmOperationsWorker(VCenter vcenter, CommandGateway commands, ProvisioningSettings settings,
                                          ProvisioningProperties properties, GuestInit guestInit, EventStore events) {
        return new VmOperationsWorker(vcenter, commands, settings, properties.shutdownGrace(),
                ProvisioningConfiguration::pause, guestInit, new EventStoreVmDirectory(events));
    }

    /**
     * A provisioning step or a VM operation that throws (e.g. a command that could not be delivered) is retried by
     * its processor with backoff instead of being logged and skipped: a skipped event would strand a saga or
     * lose a customer's request.
     */
    @Autowired
    void retryFailedHandlers(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(VmProvisioningSaga.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(VmOperationsWorker.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a vCenter operation", e);
        }
    }
}
