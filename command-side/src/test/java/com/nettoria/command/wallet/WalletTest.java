package com.nettoria.command.wallet;

import com.nettoria.command.common.MissingCausationException;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.DepositMoneyCommand;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.OpenWalletCommand;
import com.nettoria.coreapi.wallet.TransactionOutcome;
import com.nettoria.coreapi.wallet.WithdrawMoneyCommand;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.nettoria.command.wallet.WalletTestData.OWNER;
import static com.nettoria.command.wallet.WalletTestData.USD;
import static com.nettoria.command.wallet.WalletTestData.WALLET;
import static com.nettoria.command.wallet.WalletTestData.customerRequest;
import static com.nettoria.command.wallet.WalletTestData.deposited;
import static com.nettoria.command.wallet.WalletTestData.opened;
import static com.nettoria.command.wallet.WalletTestData.tx;
import static com.nettoria.command.wallet.WalletTestData.usd;

class WalletTest {

    private FixtureConfiguration<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    @Test
    void opensAnEmptyWalletForACustomerInOneCurrency() {
        fixture.givenNoPriorActivity()
                .when(new OpenWalletCommand(WALLET, OWNER, USD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened())
                .expectResultMessagePayload(WALLET);
    }

    @Test
    void openingAnOpenWalletAgainChangesNothing() {
        fixture.given(opened())
                .when(new OpenWalletCommand(WALLET, OWNER, USD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void depositsRaiseTheBalanceAndRecordTheBalanceAfter() {
        fixture.given(opened(), deposited("k1", "10.00", "10.00"))
                .when(deposit("k2", "2.50"), customerRequest())
                .expectEvents(new MoneyDepositedEvent(WALLET, tx("k2"), usd("2.50"), usd("12.50"), "top-up", "fp-k2"))
                .expectResultMessagePayload(new TransactionOutcome(WALLET, tx("k2"), false));
    }

    @Test
    void withdrawalsLowerTheBalance() {
        fixture.given(opened(), deposited("k1", "10.00", "10.00"))
                .when(withdraw("k2", "10.00"), customerRequest())
                .expectEvents(new MoneyWithdrawnEvent(WALLET, tx("k2"), usd("10.00"), usd("0.00"), "vm", "fp-k2"));
    }

    @Test
    void rejectsWithdrawalLargerThanBalance() {
        fixture.given(opened(), deposited("k1", "10.00", "10.00"))
                .when(withdraw("k2", "10.01"), customerRequest())
                .expectException(InsufficientFundsException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsWithdrawalFromAnEmptyWallet() {
        fixture.given(opened())
                .when(withdraw("k1", "0.01"), customerRequest())
                .expectException(InsufficientFundsException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsZeroAndNegativeAmounts() {
        fixture.given(opened())
                .when(deposit("k1", "0.00"), customerRequest())
                .expectException(AmountNotPositiveException.class)
                .expectNoEvents();
        fixture.given(opened(), deposited("k1", "10.00", "10.00"))
                .when(withdraw("k2", "-1.00"), customerRequest())
                .expectException(AmountNotPositiveException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsMoneyOfAnotherCurrency() {
        fixture.given(opened())
                .when(new DepositMoneyCommand(WALLET, tx("k1"), Money.of("5", "EUR"), "top-up", "fp-k1"),
                        customerRequest())
                .expectException(WalletCurrencyMismatchException.class)
                .expectNoEvents();
    }

    @Test
    void aRepeatedRequestMovesNoMoneyAndAnswersAsReplayed() {
        fixture.given(opened(), deposited("k1", "10.00", "10.00"))
                .when(deposit("k1", "10.00"), customerRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new TransactionOutcome(WALLET, tx("k1"), true));
    }

    @Test
    void aRepeatedWithdrawalIsNotRefusedEvenIfTheBalanceNoLongerCoversIt() {
        fixture.given(opened(), deposited("k1", "10.00", "10.00"),
                        new MoneyWithdrawnEvent(WALLET, tx("k2"), usd("10.00"), usd("0.00"), "vm", "fp-k2"))
                .when(withdraw("k2", "10.00"), customerRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectsAnIdempotencyKeyReusedForADifferentRequest() {
        fixture.given(opened(), deposited("k1", "10.00", "10.00"))
                .when(new DepositMoneyCommand(WALLET, tx("k1"), usd("99.00"), "top-up", "another-fingerprint"),
                        customerRequest())
                .expectException(IdempotencyKeyReusedException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsMoneyCommandsThatDoNotSayWhoCausedThem() {
        fixture.given(opened())
                .when(deposit("k1", "1.00"), MetaData.with(Causation.CAUSE_TYPE, "customer-request"))
                .expectException(MissingCausationException.class)
                .expectNoEvents();
        fixture.given(opened())
                .when(deposit("k1", "1.00"), MetaData.with(Causation.ACTOR_ID, "customer-1"))
                .expectException(MissingCausationException.class)
                .expectNoEvents();
    }

    @Test
    void refusesMovementsOnAWalletThatWasNeverOpened() {
        fixture.givenNoPriorActivity()
                .when(deposit("k1", "1.00"), customerRequest())
                .expectException(AggregateNotFoundException.class);
    }

    private static DepositMoneyCommand deposit(String key, String amount) {
        return new DepositMoneyCommand(WALLET, tx(key), usd(amount), "top-up", "fp-" + key);
    }

    private static WithdrawMoneyCommand withdraw(String key, String amount) {
        return new WithdrawMoneyCommand(WALLET, tx(key), usd(amount), "vm", "fp-" + key);
    }
}
