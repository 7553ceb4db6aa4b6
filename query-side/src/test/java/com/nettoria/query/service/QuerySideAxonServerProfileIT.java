package com.nettoria.query.service;

import com.nettoria.query.catalogue.CatalogueProjection;
import com.nettoria.query.wallet.WalletProjection;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query service started alone with the {@code axonserver} profile, with no Axon Server anywhere, on a
 * database the command side has already migrated: the connector connects lazily and retries in the
 * background, so the context starts; events and queries go through Axon Server while tokens, dead letters and
 * the read models stay in PostgreSQL.
 */
class QuerySideAxonServerProfileIT {

    private static final String AXON_SERVER = QuerySideService.addressWhereNothingListens();

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startTheQueryServiceAloneWithTheAxonServerProfileAndNoAxonServerRunning() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // the command side migrates Axon's tables into the shared database first (docker-compose starts it
        // first): its own scripts, read from the sibling module (Maven runs tests in the module's directory)
        Path scripts = Path.of("../command-side/src/main/resources/db/migration/axon");
        Path commandScripts = Path.of("../command-side/src/main/resources/db/migration/command");
        if (!Files.isDirectory(scripts) || !Files.isDirectory(commandScripts)) {
            throw new IllegalStateException("the other service's migrations are not at " + scripts.toAbsolutePath());
        }
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:" + scripts, "filesystem:" + commandScripts).load().migrate();
        service = QuerySideService.start(postgres, "--spring.profiles.active=axonserver",
                "--AXON_SERVER=" + AXON_SERVER);
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theContextIsRunningAlthoughNoAxonServerAnswers() {
        assertThat(service.isRunning()).isTrue();
        assertThat(service.getBean(AxonServerConnectionManager.class).isConnected("default")).isFalse();
    }

    @Test
    void theConnectorIsConfiguredWithTheDocumentedProperties() {
        AxonServerConfiguration connector = service.getBean(AxonServerConfiguration.class);
        assertThat(connector.isEnabled()).isTrue();
        assertThat(connector.getServers()).isEqualTo(AXON_SERVER);
        assertThat(connector.getContext()).isEqualTo("default");
        assertThat(connector.getComponentName()).isEqualTo("nettoria-query-side");
    }

    @Test
    void queriesCommandsAndEventsTravelThroughAxonServer() {
        Configuration axon = service.getBean(Configuration.class);
        assertThat(service.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(axon.queryBus()).isInstanceOf(AxonServerQueryBus.class);
        assertThat(service.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(service.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(axon.eventStore()).isInstanceOf(AxonServerEventStore.class);
        assertThat(service.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
    }

    @Test
    void theWalletProjectionRunsHereWithItsTokensAndDeadLettersInPostgresql() {
        assertThat(service.getBeansOfType(WalletProjection.class)).hasSize(1);
        assertThat(service.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessor(WalletProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class))
                .isPresent();
        assertThat(processing.tokenStore(WalletProjection.PROCESSING_GROUP)).isInstanceOf(JdbcTokenStore.class);
        assertThat(processing.deadLetterQueue(WalletProjection.PROCESSING_GROUP))
                .hasValueSatisfying(queue -> assertThat(queue).isInstanceOf(JdbcSequencedDeadLetterQueue.class));
    }

    @Test
    void theNewProjectionsTokensAreInitialisedInPostgresqlWithoutAskingAxonServer() {
        // 4 segments (query-side-defaults.properties), each at the start of the stream (a null token)
        assertThat(service.getBean(JdbcTemplate.class).queryForList(
                "SELECT segment FROM tokenentry WHERE processorname = ? AND token IS NULL ORDER BY segment",
                Integer.class, WalletProjection.PROCESSING_GROUP)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void theLagGaugeIsRegisteredAlthoughTheEventStoreCannotBeAsked() {
        assertThat(service.getBean(MeterRegistry.class).find("nettoria.event.processor.lag")
                .tag("processor", WalletProjection.PROCESSING_GROUP).gauge()).isNotNull();
    }

    @Test
    void noAggregateIsRegisteredOnTheQuerySide() {
        assertThat(service.getBean(Configuration.class).findModules(AggregateConfiguration.class)).isEmpty();
    }

    @Test
    void itMigratesItsReadModelsBesideTheCommandSidesMigrations() {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                String.class)).containsExactly("20261125.01", "20261125.02", "20261126.10", "20261126.11", "20261127.20",
                "20261128.51", "20261125.50",
                "20261126.50", "20261126.51", "20261126.52",
                // 20261127.50: the catalogue read model
                "20261127.50", "20261127.60", "20261127.61", "20261127.62",
                "20261127.63",
                // 20261128.10: the VM stats read model (sampled, not projected)
                "20261128.10",
                // 20261128.30: the suspension reason of a VM
                "20261128.30",
                // 20261128.40: the snapshots' kind and the VMs' backup schedules
                "20261128.40",
                // 20261128.50: the vCenter orphans read model
                "20261128.50");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM wallet", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM wallet_transaction", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM catalogue_plan", Long.class)).isZero();
    }

    @Test
    void theCatalogueProjectionRunsHereInOneSegmentWithItsDeadLettersInPostgresql() {
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessor(CatalogueProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class))
                .isPresent();
        assertThat(processing.deadLetterQueue(CatalogueProjection.PROCESSING_GROUP))
                .hasValueSatisfying(queue -> assertThat(queue).isInstanceOf(JdbcSequencedDeadLetterQueue.class));
        assertThat(service.getBean(JdbcTemplate.class).queryForList(
                "SELECT segment FROM tokenentry WHERE processorname = ? ORDER BY segment",
                Integer.class, CatalogueProjection.PROCESSING_GROUP)).containsExactly(0);
    }
}
