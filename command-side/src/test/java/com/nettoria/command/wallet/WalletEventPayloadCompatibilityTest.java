package com.nettoria.command.wallet;

import com.nettoria.command.common.StoredEventPayloads;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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

    private static final StoredEventPayloads STORED = new StoredEventPayloads("/events/wallet-events-v1.json");

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
        STORED.assertStoredPayloadsDeserializeTo(EXPECTED);
    }

    @Test
    void todaysEventsSerializeToExactlyTheStoredFields() throws IOException {
        STORED.assertEventsSerializeToStoredPayloads(EXPECTED);
    }

    @Test
    void unknownFieldsAddedByALaterVersionAreIgnoredWhenReading() throws IOException {
        String json = "{\"walletId\":{\"value\":\"w\"},\"ownerId\":{\"value\":\"o\"},\"currency\":\"EUR\",\"region\":\"eu\"}";
        Object event = STORED.read(WalletOpenedEvent.class, json);
        assertThat(event).isEqualTo(new WalletOpenedEvent(new WalletId("w"), new CustomerId("o"),
                Currency.getInstance("EUR")));
    }
}
