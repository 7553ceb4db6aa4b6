package com.nettoria.ui.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.ui.security.TokenIssuer;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.nettoria.ui.support.WalletApiClient.movement;
import static com.nettoria.ui.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wallet's HTTP contract end to end: real HTTP on a random port, the in-process command and query sides,
 * Axon's JDBC event store and the JDBC read model on a throw-away embedded PostgreSQL. Every test uses
 * customers of its own, so the tests share one application context without sharing any wallet. The
 * read-your-writes wait is generous so that a slow machine never turns a synchronous 200 into a 202.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nettoria.api.read-your-writes-timeout=30s")
class WalletApiIT {

    private static final String USD = "USD";

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    WalletApiClient api;
    String alice;

    @BeforeEach
    void setUp() {
        api = new WalletApiClient(port);
        alice = customer("alice");
    }

    private String customer(String name) {
        return tokens.issue(name + "-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private String openUsdWalletWith(String token, String amount) {
        assertThat(api.openWallet(token, USD).status()).isEqualTo(201);
        if (amount != null) {
            ApiResponse deposit = api.deposit(token, key(), amount, USD, "initial top-up");
            assertThat(deposit.status()).as("%s", deposit).isEqualTo(200);
        }
        return token;
    }

    private static void assertAmount(JsonNode node, String expected) {
        assertThat(node.isNumber()).as("%s is a JSON number", node).isTrue();
        assertThat(node.decimalValue()).isEqualByComparingTo(expected);
    }

    @Nested
    class OpeningAWallet {

        @Test
        void opensAWalletOnceAndAnswersTheSameWalletWhenOpenedAgain() {
            ApiResponse first = api.openWallet(alice, USD);

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(first.header("Location")).isEqualTo("/api/wallet?currency=USD");
            assertThat(first.json().path("currency").asText()).isEqualTo(USD);
            assertAmount(first.json().path("balance"), "0");
            assertThat(first.json().path("transactionCount").asLong()).isZero();
            String walletId = first.json().path("walletId").asText();
            assertThat(walletId).isNotBlank();

            ApiResponse again = api.openWallet(alice, USD);

            assertThat(again.status()).as("%s", again).isEqualTo(200);
            assertThat(again.json().path("walletId").asText()).isEqualTo(walletId);
            assertThat(api.wallet(alice, USD).json().path("walletId").asText()).isEqualTo(walletId);
        }

        @Test
        void opensAWalletInThePlatformCurrencyWhenTheRequestNamesNone() {
            ApiResponse opened = api.post("/api/wallet", alice, Map.of(), null);

            assertThat(opened.status()).as("%s", opened).isEqualTo(201);
            assertThat(opened.json().path("currency").asText()).isEqualTo("IRR");
            assertThat(api.get("/api/wallet", alice).json().path("currency").asText()).isEqualTo("IRR");
        }

        @Test
        void keepsOneWalletPerCurrency() {
            String usd = api.openWallet(alice, USD).json().path("walletId").asText();
            String eur = api.openWallet(alice, "EUR").json().path("walletId").asText();

            assertThat(eur).isNotEqualTo(usd);
            api.deposit(alice, key(), "5.00", "EUR", null);
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("0");
            assertThat(api.balance(alice, "EUR")).isEqualByComparingTo("5.00");
        }

        @Test
        void refusesToOpenAWalletInACurrencyThePlatformDoesNotOffer() {
            assertProblem(api.openWallet(alice, "GBP"), 400, "request.invalid", "currency");
            assertProblem(api.openWallet(alice, "XYZ"), 400, "money.invalid", "currency");
            assertProblem(api.wallet(alice, "GBP"), 400, "request.invalid", "currency");
        }
    }

    @Nested
    class MovingMoney {

        @Test
        void depositsAndWithdrawsAndReportsTheBalanceAfterEachMovement() {
            openUsdWalletWith(alice, null);
            String depositKey = key();

            ApiResponse deposit = api.deposit(alice, depositKey, "100.00", USD, "top-up");

            assertThat(deposit.status()).as("%s", deposit).isEqualTo(200);
            assertThat(deposit.header("Idempotent-Replayed")).isEqualTo("false");
            JsonNode deposited = deposit.json();
            assertThat(deposited.path("type").asText()).isEqualTo("DEPOSIT");
            assertAmount(deposited.path("amount"), "100.00");
            assertAmount(deposited.path("balanceAfter"), "100.00");
            assertThat(deposited.path("currency").asText()).isEqualTo(USD);
            assertThat(deposited.path("description").asText()).isEqualTo("top-up");
            assertThat(deposit.header("Location")).isEqualTo("/api/wallet/transactions/"
                    + deposited.path("transactionId").asText() + "?currency=USD");

            ApiResponse withdrawal = api.withdraw(alice, key(), "30.50", USD, "coffee");

            assertThat(withdrawal.status()).as("%s", withdrawal).isEqualTo(200);
            assertThat(withdrawal.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(withdrawal.json().path("type").asText()).isEqualTo("WITHDRAWAL");
            assertAmount(withdrawal.json().path("amount"), "30.50");
            assertAmount(withdrawal.json().path("balanceAfter"), "69.50");

            JsonNode wallet = api.wallet(alice, USD).json();
            assertAmount(wallet.path("balance"), "69.50");
            assertThat(wallet.path("transactionCount").asLong()).isEqualTo(2);
        }

        @Test
        void acceptsTheAmountAsAJsonNumberAsWellAsAString() {
            openUsdWalletWith(alice, null);

            ApiResponse deposit = api.move("deposit", alice, key(), "{\"amount\": 12.5, \"currency\": \"USD\"}",
                    Map.of());

            assertThat(deposit.status()).as("%s", deposit).isEqualTo(200);
            assertAmount(deposit.json().path("balanceAfter"), "12.50");
        }

        @Test
        void withdrawsTheWholeBalanceDownToZero() {
            openUsdWalletWith(alice, "25.00");

            ApiResponse withdrawal = api.withdraw(alice, key(), "25.00", USD, null);

            assertThat(withdrawal.status()).as("%s", withdrawal).isEqualTo(200);
            assertAmount(withdrawal.json().path("balanceAfter"), "0");
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("0");
        }

        @Test
        void refusesAWithdrawalLargerThanTheBalanceAndLeavesTheBalanceUnchanged() {
            openUsdWalletWith(alice, "10.00");

            ApiResponse overdraft = api.withdraw(alice, key(), "10.01", USD, "too much");

            assertProblem(overdraft, 422, "wallet.insufficient-funds", "amount");
            assertThat(new BigDecimal(overdraft.json().path("balance").asText())).isEqualByComparingTo("10.00");
            assertThat(new BigDecimal(overdraft.json().path("requested").asText())).isEqualByComparingTo("10.01");
            assertThat(overdraft.json().path("currency").asText()).isEqualTo(USD);
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("10.00");
            assertThat(api.transactions(alice, USD, 0, 20).json().path("totalItems").asLong()).isEqualTo(1);
        }

        @Test
        void refusesToMoveMoneyInAWalletThatWasNeverOpened() {
            assertProblem(api.deposit(alice, key(), "1.00", USD, null), 404, "wallet.not-found", null);
            assertProblem(api.withdraw(alice, key(), "1.00", USD, null), 404, "wallet.not-found", null);
            assertProblem(api.wallet(alice, USD), 404, "wallet.not-found", null);
            assertProblem(api.transactions(alice, USD, 0, 20), 404, "wallet.not-found", null);
        }

        @Test
        void answersRespondAsyncWith202AndALocationThatShowsTheTransactionOnceProjected() {
            openUsdWalletWith(alice, null);

            ApiResponse accepted = api.move("deposit", alice, key(), movement("7.00", USD, "async"),
                    Map.of("Prefer", "respond-async"));

            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            assertThat(accepted.header("Idempotent-Replayed")).isEqualTo("false");
            String transactionId = accepted.json().path("transactionId").asText();
            assertThat(accepted.json().path("status").asText()).isEqualTo("recorded");
            assertThat(accepted.json().path("walletId").asText())
                    .isEqualTo(api.wallet(alice, USD).json().path("walletId").asText());
            String location = accepted.header("Location");
            assertThat(location).isEqualTo("/api/wallet/transactions/" + transactionId + "?currency=USD");

            ApiResponse projected = await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get(location, alice), response -> response.status() == 200);
            assertThat(projected.json().path("transactionId").asText()).isEqualTo(transactionId);
            assertAmount(projected.json().path("balanceAfter"), "7.00");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void answersARepeatedRequestWithTheFirstResultAndMovesTheMoneyOnce() {
            openUsdWalletWith(alice, null);
            String key = key();

            ApiResponse first = api.deposit(alice, key, "40.00", USD, "salary");
            ApiResponse repeat = api.deposit(alice, key, "40.00", USD, "salary");

            assertThat(first.status()).as("%s", first).isEqualTo(200);
            assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(repeat.status()).as("%s", repeat).isEqualTo(200);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.json()).isEqualTo(first.json());
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("40.00");
            assertThat(api.transactions(alice, USD, 0, 20).json().path("totalItems").asLong()).isEqualTo(1);
        }

        @Test
        void treatsTheSameAmountWrittenWithOtherTrailingZerosAsTheSameRequest() {
            openUsdWalletWith(alice, null);
            String key = key();

            api.deposit(alice, key, "40.00", USD, "salary");
            ApiResponse repeat = api.deposit(alice, key, "40", USD, "salary");

            assertThat(repeat.status()).as("%s", repeat).isEqualTo(200);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("40.00");
        }

        @Test
        void refusesTheSameKeyWithADifferentRequestAndMovesNothing() {
            openUsdWalletWith(alice, null);
            String key = key();
            ApiResponse first = api.deposit(alice, key, "40.00", USD, "salary");

            ApiResponse otherAmount = api.deposit(alice, key, "41.00", USD, "salary");
            ApiResponse otherDescription = api.deposit(alice, key, "40.00", USD, "bonus");
            ApiResponse otherOperation = api.withdraw(alice, key, "40.00", USD, "salary");

            for (ApiResponse reused : List.of(otherAmount, otherDescription, otherOperation)) {
                assertProblem(reused, 422, "idempotency.key-reused", "Idempotency-Key");
                assertThat(reused.json().path("transactionId").asText())
                        .isEqualTo(first.json().path("transactionId").asText());
            }
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("40.00");
            assertThat(api.transactions(alice, USD, 0, 20).json().path("totalItems").asLong()).isEqualTo(1);
        }

        @Test
        void movesTheMoneyAgainForADifferentKey() {
            openUsdWalletWith(alice, null);

            ApiResponse first = api.deposit(alice, key(), "40.00", USD, "salary");
            ApiResponse second = api.deposit(alice, key(), "40.00", USD, "salary");

            assertThat(second.status()).as("%s", second).isEqualTo(200);
            assertThat(second.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(second.json().path("transactionId").asText())
                    .isNotEqualTo(first.json().path("transactionId").asText());
            assertAmount(second.json().path("balanceAfter"), "80.00");
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("80.00");
        }

        @Test
        void repeatsAnAsyncRequestAsReplayedWithoutMovingMoneyAgain() {
            openUsdWalletWith(alice, null);
            String key = key();
            Map<String, String> async = Map.of("Prefer", "respond-async");

            ApiResponse first = api.move("deposit", alice, key, movement("3.00", USD, null), async);
            ApiResponse repeat = api.move("deposit", alice, key, movement("3.00", USD, null), async);

            assertThat(first.status()).isEqualTo(202);
            assertThat(repeat.status()).isEqualTo(202);
            assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(repeat.json().path("transactionId").asText())
                    .isEqualTo(first.json().path("transactionId").asText());
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(api.transactions(alice, USD, 0, 20).json().path("totalItems").asLong()).isEqualTo(1));
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("3.00");
        }
    }

    @Nested
    class History {

        @Test
        void listsMovementsNewestFirstInPagesWithTheBalanceAfterEachAndWhoCausedIt() {
            openUsdWalletWith(alice, null);
            List<String> keys = List.of(key(), key(), key(), key());
            api.deposit(alice, keys.get(0), "100.00", USD, "first");
            api.deposit(alice, keys.get(1), "20.00", USD, "second");
            api.withdraw(alice, keys.get(2), "50.00", USD, "third");
            api.deposit(alice, keys.get(3), "0.01", USD, "fourth");

            ApiResponse firstPage = api.transactions(alice, USD, 0, 3);
            ApiResponse secondPage = api.transactions(alice, USD, 1, 3);

            assertThat(firstPage.status()).as("%s", firstPage).isEqualTo(200);
            assertThat(firstPage.json().path("page").asInt()).isZero();
            assertThat(firstPage.json().path("size").asInt()).isEqualTo(3);
            assertThat(firstPage.json().path("totalItems").asLong()).isEqualTo(4);
            assertThat(firstPage.json().path("totalPages").asInt()).isEqualTo(2);
            assertThat(secondPage.json().path("page").asInt()).isEqualTo(1);

            List<JsonNode> rows = new ArrayList<>();
            firstPage.json().path("items").forEach(rows::add);
            assertThat(rows).hasSize(3);
            secondPage.json().path("items").forEach(rows::add);
            assertThat(rows).hasSize(4);

            assertThat(rows).extracting(row -> row.path("description").asText())
                    .containsExactly("fourth", "third", "second", "first");
            assertThat(rows).extracting(row -> row.path("type").asText())
                    .containsExactly("DEPOSIT", "WITHDRAWAL", "DEPOSIT", "DEPOSIT");
            assertThat(rows).extracting(row -> row.path("balanceAfter").decimalValue())
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("70.01"), new BigDecimal("70.00"), new BigDecimal("120.00"),
                            new BigDecimal("100.00"));
            assertThat(rows).extracting(row -> row.path("sequence").asLong()).isSortedAccordingTo(
                    (a, b) -> Long.compare(b, a));
            assertThat(rows).extracting(row -> row.path("causeId").asText())
                    .containsExactly(keys.get(3), keys.get(2), keys.get(1), keys.get(0));
            String walletId = api.wallet(alice, USD).json().path("walletId").asText();
            String aliceSubject = rows.get(0).path("actorId").asText();
            assertThat(aliceSubject).startsWith("alice-");
            for (JsonNode row : rows) {
                assertThat(row.path("walletId").asText()).isEqualTo(walletId);
                assertThat(row.path("actorId").asText()).isEqualTo(aliceSubject);
                assertThat(row.path("causeType").asText()).isEqualTo("customer-request");
                assertThat(row.path("currency").asText()).isEqualTo(USD);
                assertThat(row.path("occurredAt").asText()).isNotBlank();
            }
        }

        @Test
        void recordsTheCallersSubjectAsTheActor() {
            String subject = "dora-" + UUID.randomUUID();
            String dora = tokens.issue(subject, List.of("CUSTOMER")).accessToken();
            openUsdWalletWith(dora, "1.00");

            JsonNode row = api.transactions(dora, USD, 0, 20).json().path("items").get(0);

            assertThat(row.path("actorId").asText()).isEqualTo(subject);
        }

        @Test
        void showsOneTransactionByItsId() {
            openUsdWalletWith(alice, null);
            JsonNode deposited = api.deposit(alice, key(), "9.99", USD, "one").json();
            String transactionId = deposited.path("transactionId").asText();

            ApiResponse found = api.transaction(alice, transactionId, USD);

            assertThat(found.status()).as("%s", found).isEqualTo(200);
            assertThat(found.json()).isEqualTo(deposited);
        }

        @Test
        void answersAnEmptyPageBeyondTheLastOne() {
            openUsdWalletWith(alice, "1.00");

            JsonNode page = api.transactions(alice, USD, 5, 20).json();

            assertThat(page.path("items").isArray()).isTrue();
            assertThat(page.path("items")).isEmpty();
            assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        }

        @Test
        void refusesAnUnknownTransactionWith404() {
            openUsdWalletWith(alice, "1.00");

            assertProblem(api.transaction(alice, UUID.randomUUID().toString(), USD), 404,
                    "wallet.transaction-not-found", null);
        }

        @Test
        void refusesATransactionIdThatIsNotAUuidWith400() {
            openUsdWalletWith(alice, null);

            assertProblem(api.transaction(alice, "not-a-transaction-id", USD), 400, "request.invalid",
                    "transactionId");
        }

        @ParameterizedTest
        @ValueSource(strings = {"size=0", "size=201", "size=-1", "page=-1", "size=abc", "page=x"})
        void refusesABadPageRequestWith400NotAServerError(String parameter) {
            openUsdWalletWith(alice, null);

            ApiResponse response = api.get("/api/wallet/transactions?currency=USD&" + parameter, alice);

            assertProblem(response, 400, "request.invalid", parameter.substring(0, parameter.indexOf('=')));
        }
    }

    @Nested
    class Refusals {

        @BeforeEach
        void openAliceUsdWalletWithTenDollars() {
            openUsdWalletWith(alice, "10.00");
        }

        @Test
        void refusesMalformedJson() {
            ApiResponse response = api.move("deposit", alice, key(), "{\"amount\": \"1.00\", ", Map.of());

            assertProblem(response, 400, "request.malformed", null);
        }

        @Test
        void refusesAnAmountOfTheWrongType() {
            assertProblem(api.move("deposit", alice, key(), "{\"amount\": \"ten\", \"currency\": \"USD\"}", Map.of()),
                    400, "request.malformed", "amount");
            assertProblem(api.move("withdraw", alice, key(), "{\"amount\": [1], \"currency\": \"USD\"}", Map.of()),
                    400, "request.malformed", "amount");
        }

        @Test
        void refusesAMissingAmount() {
            assertProblem(api.move("deposit", alice, key(), "{\"currency\": \"USD\"}", Map.of()),
                    400, "request.invalid", "amount");
            assertProblem(api.move("withdraw", alice, key(), "{\"amount\": null, \"currency\": \"USD\"}", Map.of()),
                    400, "request.invalid", "amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "-5.00", "-0.01"})
        void refusesAnAmountThatIsNotGreaterThanZero(String amount) {
            assertProblem(api.deposit(alice, key(), amount, USD, null), 400, "request.invalid", "amount");
            assertProblem(api.withdraw(alice, key(), amount, USD, null), 400, "request.invalid", "amount");
        }

        @Test
        void refusesMoreDecimalsThanTheCurrencyHas() {
            assertProblem(api.deposit(alice, key(), "1.005", USD, null), 400, "money.invalid", "amount");
            assertProblem(api.withdraw(alice, key(), "0.001", USD, null), 400, "money.invalid", "amount");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e18", "1e31", "1e999999999", "1000000000000000000.00"})
        void refusesAmountsBeyondEighteenIntegerDigitsQuicklyAndWithoutMovingMoney(String amount) {
            assertProblem(api.deposit(alice, key(), amount, USD, null), 400, "request.invalid", "amount");
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("10.00");
        }

        @Test
        void refusesAnUnknownCurrency() {
            assertProblem(api.deposit(alice, key(), "1.00", "XYZ", null), 400, "money.invalid", "currency");
            assertProblem(api.deposit(alice, key(), "1.00", "usd", null), 400, "money.invalid", "currency");
        }

        @Test
        void refusesACurrencyThePlatformDoesNotHoldWalletsIn() {
            assertProblem(api.deposit(alice, key(), "1.00", "GBP", null), 400, "request.invalid", "currency");
            assertProblem(api.withdraw(alice, key(), "1.00", "GBP", null), 400, "request.invalid", "currency");
        }

        @Test
        void refusesAMovementWithoutAnIdempotencyKey() {
            assertProblem(api.move("deposit", alice, null, movement("1.00", USD, null), Map.of()),
                    400, "request.invalid", "Idempotency-Key");
            assertProblem(api.move("withdraw", alice, null, movement("1.00", USD, null), Map.of()),
                    400, "request.invalid", "Idempotency-Key");
            assertProblem(api.move("deposit", alice, "x".repeat(256), movement("1.00", USD, null), Map.of()),
                    400, "request.invalid", "Idempotency-Key");
        }

        @Test
        void refusesATooLongDescription() {
            assertProblem(api.deposit(alice, key(), "1.00", USD, "d".repeat(501)), 400, "request.invalid",
                    "description");
        }

        @Test
        void refusesABodyThatIsNotJson() {
            ApiResponse response = api.send(HttpMethod.POST, "/api/wallet/deposit", alice,
                    Map.of(WalletApiClient.IDEMPOTENCY_KEY, key(), "Content-Type", MediaType.TEXT_PLAIN_VALUE),
                    "amount=1.00&currency=USD");

            assertProblem(response, 415, "request.unsupported-media-type", "Content-Type");
        }

        @Test
        void movesNoMoneyForAnyRefusedRequest() {
            api.move("deposit", alice, key(), "{\"amount\": ", Map.of());
            api.move("deposit", alice, key(), "{\"amount\": \"ten\", \"currency\": \"USD\"}", Map.of());
            api.deposit(alice, key(), "-5.00", USD, null);
            api.deposit(alice, key(), "1.005", USD, null);
            api.move("deposit", alice, null, movement("1.00", USD, null), Map.of());
            api.withdraw(alice, key(), "1000.00", USD, null);

            assertThat(api.balance(alice, USD)).isEqualByComparingTo("10.00");
            assertThat(api.transactions(alice, USD, 0, 20).json().path("totalItems").asLong()).isEqualTo(1);
        }
    }

    @Nested
    class TwoCustomers {

        @Test
        void bobCannotSeeAlicesWalletOrTransactions() {
            openUsdWalletWith(alice, "50.00");
            String aliceTransaction = api.transactions(alice, USD, 0, 1).json().path("items").get(0)
                    .path("transactionId").asText();
            String bob = customer("bob");

            assertProblem(api.wallet(bob, USD), 404, "wallet.not-found", null);
            assertProblem(api.transactions(bob, USD, 0, 20), 404, "wallet.not-found", null);
            assertProblem(api.transaction(bob, aliceTransaction, USD), 404, "wallet.transaction-not-found", null);

            openUsdWalletWith(bob, null);

            assertProblem(api.transaction(bob, aliceTransaction, USD), 404, "wallet.transaction-not-found", null);
            assertThat(api.transactions(bob, USD, 0, 20).json().path("totalItems").asLong()).isZero();
            assertThat(api.transaction(alice, aliceTransaction, USD).status()).isEqualTo(200);
        }

        @Test
        void bobsMovementsNeverChangeAlicesWalletEvenWithTheSameIdempotencyKey() {
            openUsdWalletWith(alice, null);
            String bob = openUsdWalletWith(customer("bob"), null);
            String sharedKey = key();
            ApiResponse alicesDeposit = api.deposit(alice, sharedKey, "10.00", USD, "same");

            ApiResponse bobsDeposit = api.deposit(bob, sharedKey, "10.00", USD, "same");
            ApiResponse bobsSecond = api.deposit(bob, key(), "5.00", USD, "more");
            ApiResponse bobsWithdrawal = api.withdraw(bob, key(), "2.00", USD, "less");

            assertThat(bobsDeposit.status()).as("%s", bobsDeposit).isEqualTo(200);
            assertThat(bobsDeposit.header("Idempotent-Replayed")).isEqualTo("false");
            assertThat(bobsDeposit.json().path("transactionId").asText())
                    .isNotEqualTo(alicesDeposit.json().path("transactionId").asText());
            assertThat(bobsDeposit.json().path("walletId").asText())
                    .isNotEqualTo(alicesDeposit.json().path("walletId").asText());
            assertThat(bobsSecond.status()).isEqualTo(200);
            assertThat(bobsWithdrawal.status()).isEqualTo(200);
            assertThat(api.balance(bob, USD)).isEqualByComparingTo("13.00");
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("10.00");
            assertThat(api.transactions(alice, USD, 0, 20).json().path("totalItems").asLong()).isEqualTo(1);
        }

        @Test
        void bobCannotWithdrawFromAlicesWalletByNamingItsCurrency() {
            openUsdWalletWith(alice, "50.00");
            String bob = customer("bob");

            assertProblem(api.withdraw(bob, key(), "1.00", USD, null), 404, "wallet.not-found", null);
            assertThat(api.balance(alice, USD)).isEqualByComparingTo("50.00");
        }
    }
}
