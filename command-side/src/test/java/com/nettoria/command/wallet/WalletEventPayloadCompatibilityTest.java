package com.nettoria.command.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept forever: the wallet events as the event store holds them since v1 must still deserialize
 * to the same values, and today's events must serialize to exactly the same fields (no accidental property
 * such as a getter leaking into the stored payload). Changing an event means a {@code @Revision} and an
 * upcaster, never editing this file.
 */
class WalletEventPayloadCompatibilityTest {

    private static final WalletId WALLET = new WalletId("b0cb961c-939b-3ef1-b791-4a520b70c139");

    private static JsonNode stored;
    private static ObjectMapper objectMapper;
    private static JacksonSerializer serializer;

    @BeforeAll
    static void readStoredPayloads() throws IOException {
        // the same kind of ObjectMapper Spring Boot builds and Axon's Jackson serializer uses
        objectMapper = Jackson2ObjectMapperBuilder.json().build();
        serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();
        try (InputStream in = WalletEventPayloadCompatibilityTest.class.getResourceAsStream("/events/wallet-events-v1.json")) {
            stored = objectMapper.readTree(in);
        }
    }

    private static final Map<Class<?>, Object> EXPECTED = Map.of(
            WalletOpenedEvent.class, new WalletOpenedEvent(WALLET, new CustomerId("alice"), Currency.getInstance("USD")),
            MoneyDepositedEvent.class, new MoneyDepositedEvent(WALLET,
                    new TransactionId("71a25562-e0cc-3eac-a11f-25cc430a7f43"), Money.of("10.50", "USD"),
                    Money.of("10.50", "USD"), "top-up", "8f60ea46"),
            MoneyWithdrawnEvent.class, new MoneyWithdrawnEvent(WALLET,
                    new TransactionId("bd0c9aa8-bbfe-3d83-bc4d-2a9df401338d"), Money.of("2.25", "USD"),
                    Money.of("8.25", "USD"), null, "fb05792c"));

    @Test
    void storedV1PayloadsStillDeserializeToTheSameEvents() throws IOException {
        for (Map.Entry<Class<?>, Object> expected : EXPECTED.entrySet()) {
            byte[] json = objectMapper.writeValueAsBytes(stored.get(expected.getKey().getName()));
            SerializedObject<byte[]> serialized =
                    new SimpleSerializedObject<>(json, byte[].class, expected.getKey().getName(), null);
            Object event = serializer.deserialize(serialized);
            assertThat(event).as(expected.getKey().getSimpleName()).isEqualTo(expected.getValue());
        }
    }

    @Test
    void todaysEventsSerializeToExactlyTheStoredFields() throws IOException {
        for (Map.Entry<Class<?>, Object> expected : EXPECTED.entrySet()) {
            JsonNode written = objectMapper.readTree(serializer.serialize(expected.getValue(), byte[].class).getData());
            assertThat(written).as(expected.getKey().getSimpleName())
                    .isEqualTo(stored.get(expected.getKey().getName()));
        }
    }

    @Test
    void unknownFieldsAddedByALaterVersionAreIgnoredWhenReading() throws IOException {
        String json = "{\"walletId\":{\"value\":\"w\"},\"ownerId\":{\"value\":\"o\"},\"currency\":\"EUR\",\"region\":\"eu\"}";
        Object event = serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(), byte[].class,
                WalletOpenedEvent.class.getName(), null));
        assertThat(event).isEqualTo(new WalletOpenedEvent(new WalletId("w"), new CustomerId("o"),
                Currency.getInstance("EUR")));
    }
}
