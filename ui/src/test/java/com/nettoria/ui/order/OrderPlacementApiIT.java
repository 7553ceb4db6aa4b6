package com.nettoria.ui.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.vcenter.VCenter;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static com.nettoria.ui.support.DemoCatalogueIds.CURRENCY;
import static com.nettoria.ui.support.DemoCatalogueIds.DATACENTER;
import static com.nettoria.ui.support.DemoCatalogueIds.DEBIAN;
import static com.nettoria.ui.support.DemoCatalogueIds.QUARTERLY_DISCOUNT_PERCENT;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_DISK_GIB;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_MEMORY_MIB;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_MONTHLY;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_VCPUS;
import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATACENTER;
import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATASTORES;
import static com.nettoria.ui.support.IdentityApiClient.body;
import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ordering a VM end to end over real HTTP: the order desk prices it from the catalogue (the demo catalogue, in
 * IRR), the wallet pays it, the provisioning saga creates the VM in VMware's vCenter simulator and the order and VM
 * read models follow it until it runs — a VM that vCenter really holds, of the size ordered, powered on, with the
 * address its guest reports — or until it failed, vCenter was cleaned up and the money went back.
 */
@OrderApiTest
class OrderPlacementApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    VCenter vcenter;

    WalletApiClient http;
    OrderApiClient orders;
    String customerId;
    String customer;

    @BeforeEach
    void setUp() {
        http = new WalletApiClient(port);
        orders = new OrderApiClient(http);
        customerId = "customer-" + UUID.randomUUID();
        customer = tokens.issue(customerId, List.of("CUSTOMER")).accessToken();
    }

    private ApiResponse place(String token, Map<String, Object> order) {
        return orders.place(token, UUID.randomUUID().toString(), order);
    }

    private static Map<String, Object> monthlyPlan(String hostname) {
        return OrderApiClient.monthlyPlan(STANDARD_2, hostname);
    }

    /** The order once provisioning is over, either way; {@code expected} says which way it should have gone. */
    private JsonNode awaitOutcome(String orderId, String expected) {
        JsonNode order = orders.awaitOrder(customer, orderId, status("ACTIVE").or(status("FAILED")));
        assertThat(order.path("status").asText()).as("%s", order).isEqualTo(expected);
        return order;
    }

    private static Predicate<JsonNode> status(String status) {
        return OrderApiClient.status(status);
    }

    private VCenter.VmInfo inVcenter(String vmId) {
        return vcenter.findVm(VCENTER_DATACENTER, "nettoria-" + vmId)
                .orElseThrow(() -> new AssertionError("vCenter has no VM nettoria-" + vmId));
    }

    @Test
    void anOrderIsPaidFromTheWalletAndItsVmRunsInVcenterAfterProvisioning() {
        orders.walletWith(customer, "15000000.00");

        ApiResponse placed = place(customer, monthlyPlan("Web-1"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.header("Idempotent-Replayed")).isEqualTo("false");
        JsonNode order = placed.json();
        String orderId = order.path("orderId").asText();
        assertThat(placed.header("Location")).isEqualTo("/api/orders/" + orderId);
        assertThat(order.path("status").asText()).isIn("PROVISIONING", "ACTIVE");
        assertThat(order.path("hostname").asText()).isEqualTo("web-1");
        assertThat(order.path("amountDue").decimalValue()).isEqualByComparingTo(STANDARD_2_MONTHLY);
        assertThat(order.path("currency").asText()).isEqualTo(CURRENCY);
        assertThat(order.path("paymentFailure").isNull()).isTrue();
        assertThat(order.path("rootPassword").asText()).hasSize(20);
        assertThat(order.path("paidAt").isTextual()).isTrue();
        orders.awaitBalance(customer, "4050000.00");

        String vmId = awaitOutcome(orderId, "ACTIVE").path("vmId").asText();
        JsonNode vm = orders.awaitVm(customer, vmId, status("ACTIVE"));
        assertThat(vm.path("orderId").asText()).isEqualTo(orderId);
        assertThat(vm.path("hostname").asText()).isEqualTo("web-1");
        assertThat(vm.path("powerState").asText()).isEqualTo("ON");
        assertThat(vm.path("vcenterName").asText()).isEqualTo("nettoria-" + vmId);
        assertThat(vm.path("provisioning").path("step").asText()).isEqualTo("COMPLETE");
        VCenter.VmInfo created = inVcenter(vmId);
        assertThat(created.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        assertThat(created.vcpus()).isEqualTo(STANDARD_2_VCPUS);
        assertThat(created.memoryMib()).isEqualTo(STANDARD_2_MEMORY_MIB);
        assertThat(created.diskGib()).isEqualTo(STANDARD_2_DISK_GIB);
        assertThat(created.datastore()).isIn(VCENTER_DATASTORES);
        assertThat(created.ipAddress()).startsWith("10.20.");
        assertThat(vm.path("ipAddress").asText()).isEqualTo(created.ipAddress());
        assertThat(http.get("/api/vcenter/vms", customer).json().path("items"))
                .extracting(item -> item.path("vmId").asText()).containsExactly(vmId);
        JsonNode payment = http.transactions(customer, CURRENCY, 0, 1).json().path("items").get(0);
        assertThat(payment.path("type").asText()).isEqualTo("WITHDRAWAL");
        assertThat(payment.path("causeType").asText()).isEqualTo("order");
        assertThat(payment.path("causeId").asText()).isEqualTo(orderId);
    }

    @Test
    void theSameKeyAgainAnswersTheSameOrderWithoutPayingTwiceAndAnotherBodyIsRefused() {
        orders.walletWith(customer, "25000000.00");
        String key = UUID.randomUUID().toString();
        ApiResponse first = orders.place(customer, key, monthlyPlan("web-1"));
        assertThat(first.status()).as("%s", first).isEqualTo(201);

        ApiResponse again = orders.place(customer, key, monthlyPlan("web-1"));

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("orderId").asText()).isEqualTo(first.json().path("orderId").asText());
        assertThat(again.json().has("rootPassword")).isFalse();
        orders.awaitBalance(customer, "14050000.00");
        assertThat(http.transactions(customer, CURRENCY, 0, 10).json().path("items"))
                .extracting(move -> move.path("type").asText()).containsExactly("WITHDRAWAL", "DEPOSIT");
        assertProblem(orders.place(customer, key, monthlyPlan("web-2")), 422, "idempotency.key-reused",
                "Idempotency-Key");
        assertThat(http.get("/api/orders", customer).json().path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void anOrderTheWalletDoesNotCoverAwaitsPaymentUntilItIsPaidAfterATopUp() {
        orders.walletWith(customer, "1000000.00");

        ApiResponse placed = place(customer, monthlyPlan("web-1"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        JsonNode order = placed.json();
        String orderId = order.path("orderId").asText();
        assertThat(order.path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(order.path("paymentFailure").path("code").asText()).isEqualTo("wallet.insufficient-funds");
        assertThat(order.path("paymentFailure").path("reason").asText()).isNotBlank();
        assertThat(order.path("paymentDueBy").isTextual()).isTrue();
        assertThat(http.balance(customer, CURRENCY)).isEqualByComparingTo("1000000.00");

        ApiResponse stillShort = http.post("/api/orders/" + orderId + "/pay", customer, Map.of(), null);
        assertProblem(stillShort, 422, "wallet.insufficient-funds", "amount");
        assertThat(stillShort.json().path("orderId").asText()).isEqualTo(orderId);

        orders.topUp(customer, "9950000.00");
        ApiResponse paid = http.post("/api/orders/" + orderId + "/pay", customer, Map.of(), null);

        assertThat(paid.status()).as("%s", paid).isEqualTo(200);
        assertThat(paid.json().path("status").asText()).isIn("PROVISIONING", "ACTIVE");
        assertThat(paid.json().path("paymentFailure").isNull()).isTrue();
        orders.awaitBalance(customer, "0.00");
        assertProblem(http.post("/api/orders/" + orderId + "/pay", customer, Map.of(), null), 409,
                "order.not-awaiting-payment", null);
        String vmId = awaitOutcome(orderId, "ACTIVE").path("vmId").asText();
        assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
    }

    @Test
    void withoutAWalletTheOrderAwaitsPaymentAndCanBeCancelled() {
        ApiResponse placed = place(customer, monthlyPlan("web-1"));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        String orderId = placed.json().path("orderId").asText();
        assertThat(placed.json().path("paymentFailure").path("code").asText()).isEqualTo("wallet.insufficient-funds");

        ApiResponse cancelled = http.post("/api/orders/" + orderId + "/cancel", customer, Map.of(),
                json(Map.of("reason", "wrong datacenter")));

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancellationReason").asText()).isEqualTo("wrong datacenter");
        assertThat(cancelled.json().path("vmId").isNull()).isTrue();
        assertProblem(http.post("/api/orders/" + orderId + "/pay", customer, Map.of(), null), 409,
                "order.not-awaiting-payment", null);
    }

    @Test
    void anOrderWithAnSshKeyGetsNoRootPassword() {
        orders.walletWith(customer, STANDARD_2_MONTHLY);
        Map<String, Object> order = monthlyPlan("web-1");
        order.put("sshPublicKey", OpenSshKeys.ed25519("sara@laptop"));

        ApiResponse placed = place(customer, order);

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.json().has("rootPassword")).isFalse();
        assertThat(placed.toString()).doesNotContain("AAAAC3NzaC1lZDI1NTE5");
    }

    @Test
    void aCustomSizeIsPricedByTheCatalogueForThePeriodAndCreatedAtThatSize() {
        orders.walletWith(customer, "25000000.00");
        Map<String, Object> order = body("custom", body("vcpus", 2, "memoryMib", 2048, "diskGib", 40),
                "datacenterId", DATACENTER, "operatingSystemId", DEBIAN, "period", "QUARTERLY", "hostname", "db-1");

        ApiResponse placed = place(customer, order);

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        JsonNode quote = placed.json();
        assertThat(quote.path("planId").isNull()).isTrue();
        assertThat(quote.path("spec").path("vcpus").asInt()).isEqualTo(2);
        assertThat(quote.path("period").asText()).isEqualTo("QUARTERLY");
        // 2 × 2,200,000 per vCPU + 2 GiB × 1,100,000 + 40 GiB × 45,000 a month; three months, 5 % off
        assertThat(quote.path("monthlyPrice").decimalValue()).isEqualByComparingTo("8400000.00");
        assertThat(quote.path("discountPercent").decimalValue()).isEqualByComparingTo(QUARTERLY_DISCOUNT_PERCENT);
        assertThat(quote.path("amountDue").decimalValue()).isEqualByComparingTo("23940000.00");
        orders.awaitBalance(customer, "1060000.00");
        String vmId = awaitOutcome(quote.path("orderId").asText(), "ACTIVE").path("vmId").asText();
        VCenter.VmInfo created = inVcenter(vmId);
        assertThat(created.vcpus()).isEqualTo(2);
        assertThat(created.memoryMib()).isEqualTo(2048);
        assertThat(created.diskGib()).isEqualTo(40);
    }

    @Test
    void whatTheCatalogueDoesNotOfferIsUnprocessableNamingTheField() {
        Map<String, Object> unknownPlan = monthlyPlan("web-1");
        unknownPlan.put("planId", "gold-9");
        Map<String, Object> unknownDatacenter = monthlyPlan("web-1");
        unknownDatacenter.put("datacenterId", "mars-1");
        Map<String, Object> tooBig = body("custom", body("vcpus", 64, "memoryMib", 8192, "diskGib", 100),
                "datacenterId", DATACENTER, "operatingSystemId", DEBIAN, "period", "hourly", "hostname", "big");

        assertProblem(place(customer, unknownPlan), 422, "catalogue.unknown-plan", "planId");
        assertProblem(place(customer, unknownDatacenter), 422, "catalogue.unknown-datacenter", "datacenterId");
        assertProblem(place(customer, tooBig), 422, "catalogue.spec-out-of-range", "custom.vcpus");
        assertThat(http.get("/api/orders", customer).json().path("totalItems").asLong()).isZero();
    }

    @Test
    void anOrderWhoseTemplateVcenterDoesNotHaveFailsIsRefundedAndLeavesNothingInVcenter() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String template = "missing-" + tag;
        assertThat(vcenter.templateExists(VCENTER_DATACENTER, template)).isFalse();
        String operatingSystem = operatingSystemWithoutItsTemplateInVcenter("gone-" + tag, template);
        orders.walletWith(customer, STANDARD_2_MONTHLY);
        Map<String, Object> order = monthlyPlan("web-1");
        order.put("operatingSystemId", operatingSystem);

        ApiResponse placed = place(customer, order);

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.json().path("paidAt").isTextual()).isTrue();
        String orderId = placed.json().path("orderId").asText();
        JsonNode failed = awaitOutcome(orderId, "FAILED");
        assertThat(failed.path("failure").path("code").asText()).isEqualTo("vcenter.not-found");
        assertThat(failed.path("failure").path("reason").asText()).contains(template);
        assertThat(failed.path("refunded").decimalValue()).isEqualByComparingTo(STANDARD_2_MONTHLY);
        assertThat(failed.path("closedAt").isTextual()).isTrue();
        orders.awaitBalance(customer, STANDARD_2_MONTHLY);
        JsonNode moves = http.transactions(customer, CURRENCY, 0, 10).json().path("items");
        assertThat(moves).extracting(move -> move.path("type").asText() + " " + move.path("causeType").asText()
                + " " + move.path("causeId").asText()).startsWith("DEPOSIT order " + orderId,
                "WITHDRAWAL order " + orderId);
        String vmId = failed.path("vmId").asText();
        JsonNode vm = orders.awaitVm(customer, vmId, view -> view.path("status").asText().equals("FAILED")
                && view.path("deletedAt").isTextual());
        assertThat(vm.path("provisioning").path("step").asText()).isEqualTo("CLONE");
        assertThat(vm.path("provisioning").path("failureCode").asText()).isEqualTo("vcenter.not-found");
        assertThat(vcenter.findVm(VCENTER_DATACENTER, "nettoria-" + vmId)).isEmpty();
    }

    /**
     * An administrator's operating system in the demo datacenter whose template is not in vCenter (it was
     * removed there, say): the catalogue sells it, vCenter cannot clone it.
     */
    private String operatingSystemWithoutItsTemplateInVcenter(String id, String template) {
        String admin = tokens.issue("admin-" + UUID.randomUUID(), List.of("ADMIN")).accessToken();
        ApiResponse saved = http.send(HttpMethod.PUT, "/api/admin/catalogue/operating-systems/" + id, admin,
                Map.of(), json(body("name", "Gone Linux", "nameFa", "لینوکس رفته", "family", "linux",
                        "version", "1", "templates", Map.of(DATACENTER, template))));
        assertThat(saved.status()).as("%s", saved).isIn(200, 202);
        return id;
    }

    @Test
    void aVerifiedAccountWithACompleteProfileMayOrder() {
        IdentityApiClient identity = new IdentityApiClient(port);
        NewAccount account = TestAccounts.newAccount();
        Session session = identity.registered(account);
        identity.verifyContacts(session, account);
        ApiResponse document = identity.send(HttpMethod.PUT, "/api/profile/identity", session.accessToken(),
                body("type", "IRANIAN_NATIONAL_CODE", "nationalCode", TestAccounts.nationalCode(),
                        "birthDate", "1990-01-31"), null);
        assertThat(document.status()).as("%s", document).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> identity.profile(session.accessToken()).json().path("canOrder").asBoolean());

        ApiResponse placed = place(session.accessToken(), monthlyPlan("web-1"));

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.json().path("customerId").asText()).isEqualTo(session.userId());
        assertThat(placed.json().path("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(placed.json().path("paymentFailure").path("code").asText()).isEqualTo("wallet.insufficient-funds");
    }
}
