package com.nettoria.ui.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.ui.security.TokenIssuer;
import com.nettoria.ui.support.IdentityApiClient;
import com.nettoria.ui.support.IdentityApiClient.Session;
import com.nettoria.ui.support.OrderApiClient;
import com.nettoria.ui.support.OrderApiTest;
import com.nettoria.ui.support.TestAccounts;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.nettoria.ui.support.DemoCatalogueIds.CURRENCY;
import static com.nettoria.ui.support.DemoCatalogueIds.DATACENTER;
import static com.nettoria.ui.support.DemoCatalogueIds.DEBIAN;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_DISK_GIB;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_MEMORY_MIB;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_MONTHLY;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_VCPUS;
import static com.nettoria.ui.support.IdentityApiClient.body;
import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order API over real HTTP, on its own side of the command bus: what is refused before an order reaches the
 * order desk (input, authentication, account standing), and the orders read model as owners and administrators
 * see it. The orders are placed through the API from the demo catalogue by customers without a wallet, so they
 * await payment and nothing is provisioned ({@code OrderPlacementApiIT} pays for orders and follows them into
 * vCenter).
 */
@OrderApiTest
class OrderApiIT {

    private static final Duration READ_MODEL = Duration.ofSeconds(20);
    private static final String ED25519_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBt5dJ2mQ4y1xvW8kEwJmhZoWEJpVr6bJ1s6Y3n0Zb1C me@laptop";

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    JdbcTemplate jdbc;

    WalletApiClient http;
    IdentityApiClient identity;
    OrderApiClient orders;
    String customerId;
    String customer;

    @BeforeEach
    void setUp() {
        http = new WalletApiClient(port);
        identity = new IdentityApiClient(port);
        orders = new OrderApiClient(http);
        customerId = "customer-" + UUID.randomUUID();
        customer = tokens.issue(customerId, List.of("CUSTOMER")).accessToken();
    }

    private ApiResponse place(String token, String idempotencyKey, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (idempotencyKey != null) {
            headers.put(WalletApiClient.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return http.post("/api/orders", token, headers, body instanceof String raw ? raw : json(body));
    }

    private static Map<String, Object> validOrder() {
        return body("planId", STANDARD_2, "datacenterId", DATACENTER, "operatingSystemId", DEBIAN,
                "period", "monthly", "hostname", "web-1");
    }

    private static Map<String, Object> validOrderWith(String field, Object value) {
        Map<String, Object> order = validOrder();
        if (value == null) {
            order.remove(field);
        } else {
            order.put(field, value);
        }
        return order;
    }

    /** An order of the customer's that the wallet did not pay (they have none): it awaits payment. */
    private String unpaidOrder(String hostname) {
        ApiResponse placed = orders.place(customer, UUID.randomUUID().toString(), validOrderWith("hostname", hostname));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.json().path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        return placed.json().path("orderId").asText();
    }

    private JsonNode cancel(String orderId, String reason) {
        ApiResponse cancelled = http.post("/api/orders/" + orderId + "/cancel", customer, Map.of(),
                json(Map.of("reason", reason)));
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        return cancelled.json();
    }

    /**
     * The order's persistent payment deadline (db-scheduler's {@code scheduled_tasks}, written by Axon's deadline
     * manager) fires: it is made due now rather than waited for, and the real scheduler delivers it to the order.
     * Until 2026-11-28 such deadlines never found their aggregate (see {@code AggregateDeadlineScopes}).
     */
    @Test
    void anUnpaidOrderExpiresWhenItsPaymentDeadlineFires() {
        String orderId = unpaidOrder("expiring-1");

        int moved = jdbc.update("""
                UPDATE scheduled_tasks SET execution_time = now()
                 WHERE NOT picked AND position(? IN task_data) > 0""", orderId.getBytes(StandardCharsets.UTF_8));

        assertThat(moved).as("the payment deadline of order %s", orderId).isEqualTo(1);
        JsonNode expired = await("order " + orderId + " expired").atMost(READ_MODEL)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/orders/" + orderId, customer).json(),
                        order -> "EXPIRED".equals(order.path("status").asText()));
        assertThat(expired.path("orderId").asText()).isEqualTo(orderId);
        assertProblem(http.post("/api/orders/" + orderId + "/pay", customer,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), json(Map.of())), 409, "order.not-awaiting-payment", null);
    }

    @Nested
    class PlacingAnOrder {

        @Test
        void needsATokenAndAnIdempotencyKey() {
            assertProblem(place(null, UUID.randomUUID().toString(), validOrder()), 401, "auth.unauthenticated", null);
            assertProblem(place(customer, null, validOrder()), 400, "request.invalid", "Idempotency-Key");
            assertProblem(place(customer, "a key with spaces", validOrder()), 400, "request.invalid",
                    "Idempotency-Key");
        }

        @Test
        void needsAPlanOrACustomSizeButNotBoth() {
            Map<String, Object> neither = validOrderWith("planId", null);
            Map<String, Object> both = validOrderWith("custom", body("vcpus", 2, "memoryMib", 2048, "diskGib", 40));

            assertProblem(place(customer, UUID.randomUUID().toString(), neither), 400, "request.invalid", "planId");
            assertProblem(place(customer, UUID.randomUUID().toString(), both), 400, "request.invalid", "planId");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("com.nettoria.ui.order.OrderApiIT#badOrders")
        void refusesABadFieldNamingIt(String what, Map<String, Object> order, String field) {
            assertProblem(place(customer, UUID.randomUUID().toString(), order), 400, "request.invalid", field);
        }

        @Test
        void refusesAFieldOfTheWrongTypeOrABodyThatIsNotJson() {
            Map<String, Object> custom = validOrderWith("planId", null);
            custom.put("custom", body("vcpus", "two", "memoryMib", 2048, "diskGib", 40));

            assertProblem(place(customer, UUID.randomUUID().toString(), custom), 400, "request.malformed",
                    "custom.vcpus");
            ApiResponse notJson = place(customer, UUID.randomUUID().toString(), "{\"planId\": ");
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.isProblem()).isTrue();
        }

        @Test
        void refusesAnAccountWhoseContactsAreNotVerified() {
            NewAccount account = TestAccounts.newAccount();
            Session session = identity.registered(account);
            assertThat(identity.profile(session.accessToken()).status()).isEqualTo(200);

            assertProblem(place(session.accessToken(), UUID.randomUUID().toString(), validOrder()), 403,
                    "identity.verification-required", null);
        }

        @Test
        void refusesAnAccountWithoutAnIdentityDocumentSayingWhatIsMissing() {
            NewAccount account = TestAccounts.newAccount();
            Session session = identity.registered(account);
            identity.verifyContacts(session, account);
            await("both contacts verified").atMost(READ_MODEL).pollInterval(Duration.ofMillis(25))
                    .until(() -> identity.profile(session.accessToken()), answer -> answer.status() == 200
                            && answer.json().path("emailVerified").asBoolean()
                            && answer.json().path("mobileVerified").asBoolean());

            ApiResponse refused = place(session.accessToken(), UUID.randomUUID().toString(), validOrder());

            assertProblem(refused, 403, "identity.profile-incomplete", null);
            assertThat(StreamSupport.stream(refused.json().path("missing").spliterator(), false)
                    .map(JsonNode::asText).toList()).containsExactly("identity-document");
        }
    }

    static Stream<Arguments> badOrders() {
        String tooLong = "a".repeat(64);
        return Stream.of(
                Arguments.of("no period", validOrderWith("period", null), "period"),
                Arguments.of("an unknown period", validOrderWith("period", "weekly"), "period"),
                Arguments.of("no hostname", validOrderWith("hostname", null), "hostname"),
                Arguments.of("a hostname with an underscore", validOrderWith("hostname", "web_1"), "hostname"),
                Arguments.of("a hostname starting with a hyphen", validOrderWith("hostname", "-web"), "hostname"),
                Arguments.of("a hostname of 64 characters", validOrderWith("hostname", tooLong), "hostname"),
                Arguments.of("a fully qualified hostname", validOrderWith("hostname", "web.example.com"), "hostname"),
                Arguments.of("no datacenter", validOrderWith("datacenterId", null), "datacenterId"),
                Arguments.of("no operating system", validOrderWith("operatingSystemId", ""), "operatingSystemId"),
                Arguments.of("a plan id that is not a slug", validOrderWith("planId", "Basic 2"), "planId"),
                Arguments.of("a custom size without vcpus", custom(null, 2048, 40), "custom.vcpus"),
                Arguments.of("a custom size with too little memory", custom(2, 256, 40), "custom.memoryMib"),
                Arguments.of("a custom size without a disk", custom(2, 2048, 0), "custom.diskGib"),
                Arguments.of("an SSH key of an unknown type", validOrderWith("sshPublicKey", "ssh-dss AAAAB3NzaC1kc3M="),
                        "sshPublicKey"),
                Arguments.of("an SSH key that is not base64", validOrderWith("sshPublicKey", "ssh-ed25519 not*base64"),
                        "sshPublicKey"),
                Arguments.of("an SSH key whose key is of another type",
                        validOrderWith("sshPublicKey", ED25519_KEY.replace("ssh-ed25519 ", "ssh-rsa ")), "sshPublicKey"),
                Arguments.of("a private key", validOrderWith("sshPublicKey",
                        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"),
                        "sshPublicKey"));
    }

    private static Map<String, Object> custom(Integer vcpus, Integer memoryMib, Integer diskGib) {
        Map<String, Object> order = validOrderWith("planId", null);
        order.put("custom", body("vcpus", vcpus, "memoryMib", memoryMib, "diskGib", diskGib));
        return order;
    }

    @Nested
    class MyOrders {

        @Test
        void anOrderIsShownToItsOwnerWithItsQuoteButNeverItsRootPassword() {
            ApiResponse placed = orders.place(customer, UUID.randomUUID().toString(), validOrder());
            assertThat(placed.status()).as("%s", placed).isEqualTo(201);
            String orderId = placed.json().path("orderId").asText();
            String rootPassword = placed.json().path("rootPassword").asText();
            assertThat(rootPassword).hasSize(20);

            ApiResponse answer = http.get("/api/orders/" + orderId, customer);

            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            JsonNode order = answer.json();
            assertThat(order.path("orderId").asText()).isEqualTo(orderId);
            assertThat(order.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
            assertThat(order.path("planId").asText()).isEqualTo(STANDARD_2);
            assertThat(order.path("spec").path("vcpus").asInt()).isEqualTo(STANDARD_2_VCPUS);
            assertThat(order.path("spec").path("memoryMib").asInt()).isEqualTo(STANDARD_2_MEMORY_MIB);
            assertThat(order.path("spec").path("diskGib").asInt()).isEqualTo(STANDARD_2_DISK_GIB);
            assertThat(order.path("period").asText()).isEqualTo("MONTHLY");
            assertThat(order.path("hostname").asText()).isEqualTo("web-1");
            assertThat(order.path("currency").asText()).isEqualTo(CURRENCY);
            assertThat(order.path("monthlyPrice").decimalValue()).isEqualByComparingTo(STANDARD_2_MONTHLY);
            assertThat(order.path("amountDue").decimalValue()).isEqualByComparingTo(STANDARD_2_MONTHLY);
            assertThat(order.path("paymentFailure").path("code").asText()).isEqualTo("wallet.insufficient-funds");
            assertThat(order.path("paymentDueBy").isTextual()).isTrue();
            assertThat(order.has("rootPassword")).isFalse();
            assertThat(answer.body()).doesNotContain(rootPassword);
            assertThat(http.get("/api/orders", customer).body()).doesNotContain(rootPassword);
        }

        @Test
        void someoneElsesOrderIsNotFoundLikeAnOrderThatDoesNotExist() {
            String orderId = unpaidOrder("web-1");
            String stranger = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
            String unknown = "/api/orders/" + UUID.randomUUID();

            assertProblem(http.get("/api/orders/" + orderId, stranger), 404, "order.not-found", null);
            assertProblem(http.post("/api/orders/" + orderId + "/pay", stranger, Map.of(), null), 404,
                    "order.not-found", null);
            assertProblem(http.post("/api/orders/" + orderId + "/cancel", stranger, Map.of(), null), 404,
                    "order.not-found", null);
            assertProblem(http.get(unknown, customer), 404, "order.not-found", null);
            assertProblem(http.post(unknown + "/pay", customer, Map.of(), null), 404, "order.not-found", null);
            assertThat(json(http.get("/api/orders", stranger).json().path("items"))).isEqualTo("[]");
            assertThat(http.get("/api/orders/" + orderId, customer).json().path("status").asText())
                    .isEqualTo("AWAITING_PAYMENT");
        }

        @Test
        void anOrderIdThatIsNotAUuidIsABadRequest() {
            assertProblem(http.get("/api/orders/not-a-uuid", customer), 400, "request.invalid", "orderId");
            assertProblem(http.post("/api/orders/not-a-uuid/cancel", customer, Map.of(), null), 400,
                    "request.invalid", "orderId");
        }

        @Test
        void myOrdersAreListedNewestFirstAndByStatus() {
            String first = unpaidOrder("one");
            String second = unpaidOrder("two");
            cancel(second, "changed my mind");
            await().atMost(READ_MODEL).pollInterval(Duration.ofMillis(50)).until(() ->
                    http.get("/api/orders?status=cancelled", customer).json().path("totalItems").asLong() == 1);

            JsonNode all = http.get("/api/orders?size=1", customer).json();
            JsonNode awaiting = http.get("/api/orders?status=AWAITING_PAYMENT", customer).json();

            assertThat(all.path("totalItems").asLong()).isEqualTo(2);
            assertThat(all.path("totalPages").asInt()).isEqualTo(2);
            assertThat(all.path("items").get(0).path("orderId").asText()).isEqualTo(second);
            assertThat(awaiting.path("items")).extracting(item -> item.path("orderId").asText())
                    .containsExactly(first);
            assertProblem(http.get("/api/orders?status=shipped", customer), 400, "request.invalid", "status");
            assertProblem(http.get("/api/orders?size=1000", customer), 400, "request.invalid", "size");
            assertProblem(http.get("/api/orders?page=abc", customer), 400, "request.invalid", "page");
        }

        @Test
        void anOrderThatIsNoLongerAwaitingPaymentCanNeitherBePaidNorCancelled() {
            String orderId = unpaidOrder("web-1");
            cancel(orderId, "changed my mind");

            ApiResponse pay = http.post("/api/orders/" + orderId + "/pay", customer, Map.of(), null);
            ApiResponse cancel = http.post("/api/orders/" + orderId + "/cancel", customer, Map.of(),
                    json(Map.of("reason", "again")));

            assertProblem(pay, 409, "order.not-awaiting-payment", null);
            assertThat(pay.json().path("context").path("status").asText()).isEqualTo("CANCELLED");
            assertProblem(cancel, 409, "order.not-awaiting-payment", null);
            JsonNode order = http.get("/api/orders/" + orderId, customer).json();
            assertThat(order.path("cancellationReason").asText()).isEqualTo("changed my mind");
            assertThat(order.path("closedAt").isTextual()).isTrue();
        }

        @Test
        void theOrderPathsNeedAToken() {
            assertProblem(http.get("/api/orders", null), 401, "auth.unauthenticated", null);
            assertProblem(http.get("/api/orders/" + UUID.randomUUID(), null), 401, "auth.unauthenticated", null);
            assertProblem(http.post("/api/orders/" + UUID.randomUUID() + "/pay", null, Map.of(), null), 401,
                    "auth.unauthenticated", null);
        }
    }

    @Nested
    class Administration {

        @Test
        void administratorsSeeEveryonesOrdersByCustomerAndStatus() {
            String admin = tokens.issue("admin-" + UUID.randomUUID(), List.of("ADMIN")).accessToken();
            String open = unpaidOrder("one");
            String cancelled = unpaidOrder("two");
            cancel(cancelled, "wrong datacenter");
            await().atMost(READ_MODEL).pollInterval(Duration.ofMillis(50)).until(() -> http.get(
                    "/api/admin/orders?customerId=" + customerId + "&status=CANCELLED", admin).json()
                    .path("totalItems").asLong() == 1);

            JsonNode theirs = http.get("/api/admin/orders?customerId=" + customerId, admin).json();
            JsonNode one = http.get("/api/admin/orders/" + open, admin).json();

            assertThat(theirs.path("items")).extracting(item -> item.path("orderId").asText())
                    .containsExactly(cancelled, open);
            assertThat(one.path("customerId").asText()).isEqualTo(customerId);
            assertThat(http.get("/api/admin/orders?status=CANCELLED&size=100", admin).json().path("items"))
                    .extracting(item -> item.path("orderId").asText()).contains(cancelled)
                    .doesNotContain(open);
            assertProblem(http.get("/api/admin/orders/" + UUID.randomUUID(), admin), 404, "order.not-found", null);
            assertProblem(http.get("/api/admin/orders?status=lost", admin), 400, "request.invalid", "status");
        }

        @Test
        void customersCannotUseTheAdministrationPaths() {
            assertProblem(http.get("/api/admin/orders", customer), 403, "auth.forbidden", null);
            assertProblem(http.get("/api/admin/orders", null), 401, "auth.unauthenticated", null);
        }
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        JsonNode paths = identity.get("/api-docs", null).json().path("paths");

        assertThat(paths.has("/api/orders")).isTrue();
        assertThat(paths.has("/api/orders/{orderId}/pay")).isTrue();
        assertThat(paths.has("/api/admin/orders/{orderId}")).isTrue();
        assertThat(paths.path("/api/orders").path("post").path("summary").asText()).contains("Order a VM");
    }
}
