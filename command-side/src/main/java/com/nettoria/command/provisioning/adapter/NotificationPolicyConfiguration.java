package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.identity.UserAccount;
import com.nettoria.command.identity.adapter.directory.AccountHandlingConfiguration;
import com.nettoria.command.notification.Notifier;
import com.nettoria.command.provisioning.ProvisioningNotifications;
import com.nettoria.command.vm.VirtualMachine;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires {@link ProvisioningNotifications} (the customer's notices when a VM is ready or an order failed) to the
 * {@link UserAccount} and {@link VirtualMachine} repositories, the one {@link Notifier} and the notification delivery
 * thread pool that identity's notices use.
 * <p>
 * Its processor, {@value ProvisioningNotifications#PROCESSING_GROUP}, starts at the <em>head</em> of the event
 * stream the first time it runs: Axon's default, the tail, would mail every customer about every VM and failed
 * order of the past on the day this is deployed. Later starts go on from the stored token. (Options set for this
 * processor under {@code axon.eventhandling.processors.provisioning-notifications} would replace this start.)
 */
@Configuration(proxyBeanMethods = false)
public class NotificationPolicyConfiguration {

    @Bean
    ProvisioningNotifications provisioningNotifications(
            @Qualifier("userAccountRepository") Repository<UserAccount> accounts,
            @Qualifier("virtualMachineRepository") Repository<VirtualMachine> vms,
            Notifier notifier, AccountHandlingConfiguration.NotificationDelivery delivery) {
        return new ProvisioningNotifications(new AccountCustomerContacts(accounts), new AggregateVmDirectory(vms),
                notifier, delivery.executor());
    }

    @Autowired
    void newProcessorStartsAtTheHead(EventProcessingConfigurer processing) {
        startAtTheHeadOfTheEventStream(processing);
    }

    /** For either kind of streaming processor the group may run in (tracking is Axon's default, pooled by choice). */
    static void startAtTheHeadOfTheEventStream(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(ProvisioningNotifications.PROCESSING_GROUP,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        processing.registerPooledStreamingEventProcessorConfiguration(ProvisioningNotifications.PROCESSING_GROUP,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}
