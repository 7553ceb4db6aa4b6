package com.nettoria.ui.platform;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone process runs Axon entirely on PostgreSQL with Jackson: JDBC event store, token store and
 * saga store, persistent deadlines in db-scheduler's table, and a serializer that tolerates fields added by
 * later versions.
 */
@SpringBootTest
class AxonInfrastructureIT {

    @Autowired
    EventStorageEngine eventStorageEngine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SagaStore<?> sagaStore;
    @Autowired
    DeadlineManager deadlineManager;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAxonStoreIsTheJdbcOneOnPostgreSql() {
        assertThat(eventStorageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    @Test
    void eventsAndMessagesAreSerializedWithJacksonNeverXStream() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void theEventSerializerIgnoresFieldsItDoesNotKnow() {
        String json = "{\"walletId\":{\"value\":\"w-1\"},\"ownerId\":{\"value\":\"o-1\"},\"currency\":\"USD\","
                + "\"addedLater\":true}";
        Object event = eventSerializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, WalletOpenedEvent.class.getName(), null));
        assertThat(event).isEqualTo(new WalletOpenedEvent(new WalletId("w-1"), new CustomerId("o-1"),
                Currency.getInstance("USD")));
    }

    @Test
    void theEventStoreKeepsPayloadsAsByteaAndNumbersEventsFromAnIncrementByOneSequence() {
        assertThat(jdbc.queryForList("""
                select data_type from information_schema.columns
                 where table_name = 'domainevententry' and column_name in ('payload', 'metadata')""", String.class))
                .containsOnly("bytea");
        assertThat(jdbc.queryForObject("""
                select increment_by from pg_sequences where sequencename = 'domainevententry_globalindex_seq'""",
                Long.class)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_indexes
                 where tablename = 'domainevententry' and indexdef like '%(aggregateidentifier, sequencenumber)%'""",
                Long.class)).isEqualTo(1L);
    }
}
