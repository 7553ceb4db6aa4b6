package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.provisioning.ProvisioningNoticesTestData.FakeContacts;
import com.nettoria.command.provisioning.ProvisioningNoticesTestData.FakeVms;
import com.nettoria.command.provisioning.ProvisioningNoticesTestData.RecordingNotifier;
import com.nettoria.command.provisioning.ProvisioningNotifications;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.HOSTNAME;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.IP_ADDRESS;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.SARA;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.SARAS_CONTACTS;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notices' processor, run by Axon on an event store that already holds history: what happened before the
 * processor first started is nobody's news.
 */
class NotificationPolicyConfigurationTest {

    private static final VmId YESTERDAYS_VM = new VmId("0d5f7b1e-9c3a-3e48-a2b6-4f1e8c7d9a20");
    private static final VmId TODAYS_VM = new VmId("6a2c8e4f-1b7d-3c59-b3e7-5d2f9a8c0b31");

    @ParameterizedTest(name = "{0} processor")
    @ValueSource(strings = {"tracking", "pooled"})
    void aNewProcessorStartsAtTheHeadOfTheEventStreamSoNobodyHearsAboutVmsOfThePast(String kind) {
        RecordingNotifier notifier = new RecordingNotifier();
        ProvisioningNotifications policy = new ProvisioningNotifications(new FakeContacts().with(SARA, SARAS_CONTACTS),
                new FakeVms().with(YESTERDAYS_VM, SARA, HOSTNAME).with(TODAYS_VM, SARA, HOSTNAME),
                notifier, Runnable::run);
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine());
        configurer.eventProcessing(processing -> {
            if ("pooled".equals(kind)) {
                processing.usingPooledStreamingEventProcessors();
            }
            processing.registerEventHandler(configuration -> policy);
            NotificationPolicyConfiguration.startAtTheHeadOfTheEventStream(processing);
        });
        Configuration axon = configurer.buildConfiguration();
        axon.eventBus().publish(GenericEventMessage.asEventMessage(provisioned(YESTERDAYS_VM, IP_ADDRESS)));

        axon.start();
        try {
            StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                    .eventProcessor(ProvisioningNotifications.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElseThrow();
            await("the processor has its token").atMost(Duration.ofSeconds(10))
                    .until(() -> !processor.processingStatus().isEmpty());
            axon.eventBus().publish(GenericEventMessage.asEventMessage(provisioned(TODAYS_VM, IP_ADDRESS)));

            await("today's notices").atMost(Duration.ofSeconds(10)).until(() -> notifier.sent().size() >= 2);
            assertThat(notifier.sent()).extracting(n -> n.parameters().get("vmId"))
                    .containsExactly(TODAYS_VM.value(), TODAYS_VM.value());
        } finally {
            axon.shutdown();
        }
    }
}
