package com.nettoria.command.service;

import com.nettoria.command.catalogue.Catalogue;
import com.nettoria.command.order.Order;
import com.nettoria.command.vm.VirtualMachine;
import com.nettoria.command.identity.UserAccount;
import com.nettoria.command.wallet.Wallet;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.wallet.OpenWalletCommand;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerEventScheduler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command service started alone without a profile: its own Flyway migrations and Axon's
 * JdbcEventStorageEngine on PostgreSQL, no Axon Server connector at all.
 */
class CommandSideServiceIT {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startTheCommandServiceAlone() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        service = CommandSideService.start(postgres);
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
    void itMigratesOnlyAxonsOwnTables() {
        JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                String.class)).containsExactly("20261125.01", "20261125.02", "20261126.10", "20261126.11",
                "20261127.20", "20261128.51");
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", String.class);
        assertThat(tables).contains("domainevententry", "snapshotevententry", "tokenentry", "sagaentry",
                "associationvalueentry", "deadletterentry", "scheduled_tasks");
        assertThat(tables).doesNotContain("wallet", "wallet_transaction");
    }

    @Test
    void eventsAreStoredByTheJdbcEventStorageEngineAndNoAxonServerConnectorExists() {
        assertThat(service.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(service.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
        assertThat(service.getBean(CommandBus.class)).isInstanceOf(SimpleCommandBus.class);
        assertThat(service.getBean(QueryBus.class)).isInstanceOf(SimpleQueryBus.class);
        assertThat(service.getBeansOfType(AxonServerConnectionManager.class)).isEmpty();
        assertThat(service.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(service.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(service.getBean(EventScheduler.class)).isInstanceOf(DbSchedulerEventScheduler.class);
    }

    @Test
    void theWalletAggregateHandlesACommandAndItsEventLandsInPostgresql() {
        assertThat(service.getBean(Configuration.class).findModules(AggregateConfiguration.class))
                .extracting(AggregateConfiguration::aggregateType)
                .containsExactlyInAnyOrder(Wallet.class, UserAccount.class, Catalogue.class, Order.class,
                        VirtualMachine.class);
        CustomerId owner = new CustomerId("customer-service-test");
        WalletId wallet = WalletId.of(owner, Currency.getInstance("USD"));

        Object result = service.getBean(CommandGateway.class)
                .sendAndWait(new OpenWalletCommand(wallet, owner, Currency.getInstance("USD")));

        assertThat(result).isEqualTo(wallet);
        List<? extends DomainEventMessage<?>> events =
                service.getBean(EventStore.class).readEvents(wallet.value()).asStream().toList();
        assertThat(events).singleElement()
                .satisfies(event -> assertThat(event.getPayload()).isInstanceOf(WalletOpenedEvent.class));
        assertThat(service.getBean(JdbcTemplate.class).queryForObject(
                "SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ?", String.class,
                wallet.value())).isEqualTo(WalletOpenedEvent.class.getName());
    }
}
