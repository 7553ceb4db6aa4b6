package com.nettoria.command.wallet;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import org.axonframework.messaging.MetaData;

import java.util.Currency;

/** Shared test data for the wallet: one customer's USD wallet and who-and-why metadata. */
public final class WalletTestData {

    public static final Currency USD = Currency.getInstance("USD");
    public static final CustomerId OWNER = new CustomerId("customer-1");
    public static final WalletId WALLET = WalletId.of(OWNER, USD);

    private WalletTestData() {
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    public static TransactionId tx(String idempotencyKey) {
        return TransactionId.forRequest(WALLET, idempotencyKey);
    }

    public static MetaData customerRequest() {
        return MetaData.with(Causation.ACTOR_ID, OWNER.value())
                .and(Causation.CAUSE_TYPE, Causation.CauseType.CUSTOMER_REQUEST);
    }

    public static WalletOpenedEvent opened() {
        return new WalletOpenedEvent(WALLET, OWNER, USD);
    }

    public static MoneyDepositedEvent deposited(String key, String amount, String balanceAfter) {
        return new MoneyDepositedEvent(WALLET, tx(key), usd(amount), usd(balanceAfter), "top-up", "fp-" + key);
    }
}
