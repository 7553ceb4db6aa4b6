package com.nettoria.command.service;

import com.nettoria.command.catalogue.Catalogue;
import com.nettoria.command.order.Order;
import com.nettoria.command.provisioning.VmProvisioningSaga;
import com.nettoria.command.vm.VmOperationsWorker;
import com.nettoria.command.vm.VirtualMachine;
import com.nettoria.command.identity.UserAccount;
import com.nettoria.command.wallet.CustomerWalletPolicy;
import com.nettoria.command.wallet.Wallet;
import com.nettoria.command.capacity.CapacityAllocationProjection;
import com.nettoria.command.reconciliation.ReconciliationInventoryProjection;
import com.nettoria.command.reconciliation.adapter.ReconciliationConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventScheduler;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
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
import java.util.stream.Stream;
import java.util.List;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service started alone with the {@code axonserver} profile, with no Axon Server anywhere: the
 * connector connects lazily and retries in the background, so the context starts, and its beans are the
 * Axon Server ones for commands, queries and events while PostgreSQL keeps tokens, sagas and deadlines.
 */
class CommandSideAxonServerProfileIT {

    private static final String AXON_SERVER = CommandSideService.addressWhereNothingListens();

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;

    private static List<String> queryScriptVersions;

    @BeforeAll
    static void startTheCommandServiceAloneWithTheAxonServerProfileAndNoAxonServerRunning() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // the query side has already migrated its read models into the shared database (as after a restart of
        // the command service): its own scripts, read from the sibling module (Maven runs tests in the module's
        // directory). They are newer than the command side's, which then run out of order.
        Path scripts = Path.of("../query-side/src/main/resources/db/migration/query");
        if (!Files.isDirectory(scripts)) {
            throw new IllegalStateException("the other service's migrations are not at " + scripts.toAbsolutePath());
        }
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:" + scripts).load().migrate();
        try (Stream<Path> files = Files.list(scripts)) {
            queryScriptVersions = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("V"))
                    .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                    .sorted().toList();
        }
        service = CommandSideService.start(postgres, "--spring.profiles.active=axonserver",
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
        AxonServerConnectionManager connections = service.getBean(AxonServerConnectionManager.class);
        assertThat(connections.isConnected("default")).isFalse();
    }

    @Test
    void theConnectorIsConfiguredWithTheDocumentedProperties() {
        AxonServerConfiguration connector = service.getBean(AxonServerConfiguration.class);
        assertThat(connector.isEnabled()).isTrue();
        assertThat(connector.getServers()).isEqualTo(AXON_SERVER);
        assertThat(connector.getContext()).isEqualTo("default");
        assertThat(connector.getComponentName()).isEqualTo("nettoria-command-side");
    }

    @Test
    void commandsAndQueriesTravelThroughAxonServer() {
        Configuration axon = service.getBean(Configuration.class);
        assertThat(service.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(axon.commandBus()).isInstanceOf(AxonServerCommandBus.class);
        assertThat(service.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(axon.queryBus()).isInstanceOf(AxonServerQueryBus.class);
    }

    @Test
    void eventsAreStoredInAxonServerNotInPostgresql() {
        assertThat(service.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(service.getBean(Configuration.class).eventStore()).isInstanceOf(AxonServerEventStore.class);
        assertThat(service.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
    }

    @Test
    void scheduledEventsGoToAxonServerWhileDeadlinesStayInPostgresql() {
        // AxonServerAutoConfiguration defines the EventScheduler before Axon's db-scheduler auto-configuration
        assertThat(service.getBean(EventScheduler.class)).isInstanceOf(AxonServerEventScheduler.class);
        assertThat(service.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void tokensSagasAndDeadlinesStayInPostgresql() {
        assertThat(service.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(service.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
        assertThat(service.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(service.getBean(Configuration.class).deadlineManager())
                .isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void theCommandSideMigratesAxonsOwnTablesBesideTheQuerySidesMigrations() {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        List<String> expected = new ArrayList<>(queryScriptVersions);
        expected.addAll(List.of("20261125.01", "20261125.02", "20261126.10", "20261126.11", "20261127.20",
                "20261128.51"));
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                String.class)).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry", Long.class)).isZero();
        // nothing scheduled but the recurring reconciliation with vCenter (docs/provisioning.md)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name <> ?", Long.class,
                ReconciliationConfiguration.TASK_NAME)).isZero();
    }

    @Test
    void theAggregatesPoliciesAndSagasAreRegisteredAndNoProjectionIs() {
        Configuration axon = service.getBean(Configuration.class);
        assertThat(axon.findModules(AggregateConfiguration.class))
                .extracting(AggregateConfiguration::aggregateType)
                .containsExactlyInAnyOrder(Wallet.class, UserAccount.class, Catalogue.class, Order.class,
                        VirtualMachine.class);
        assertThat(service.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                .containsExactlyInAnyOrder(CustomerWalletPolicy.PROCESSING_GROUP,
                        VmProvisioningSaga.PROCESSING_GROUP, VmOperationsWorker.PROCESSING_GROUP,
                        "provisioning-notifications", ReconciliationInventoryProjection.PROCESSING_GROUP,
                        CapacityAllocationProjection.PROCESSING_GROUP);
        assertThat(service.containsBean("walletProjection")).isFalse();
    }
}
