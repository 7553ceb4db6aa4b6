package com.nettoria.ui.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1;
import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1_MONTHLY;
import static com.nettoria.ui.support.DemoCatalogueIds.CURRENCY;
import static com.nettoria.ui.support.DemoCatalogueIds.DATACENTER;
import static com.nettoria.ui.support.DemoCatalogueIds.DEBIAN;
import static com.nettoria.ui.support.IdentityApiClient.body;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ordering from the demo catalogue ({@link DemoCatalogueIds}) over real HTTP, as a customer's client does it: the
 * customer's wallet in the catalogue's currency, placing an order, following it, and VMs that the provisioning
 * saga really created in the vCenter simulator and handed over. Never throws on an error status of the order API
 * itself; the steps that set a test up assert that they worked.
 */
public final class OrderApiClient {

    /** How long an order may take from payment to a running VM (about a second on an idle machine). */
    public static final Duration PROVISIONING = Duration.ofSeconds(90);
    public static final String VMS = "/api/vcenter/vms/";

    private final WalletApiClient http;

    public OrderApiClient(WalletApiClient http) {
        this.http = http;
    }

    /** A monthly order of a plan in the demo datacenter with Debian 12. */
    public static Map<String, Object> monthlyPlan(String planId, String hostname) {
        return body("planId", planId, "datacenterId", DATACENTER, "operatingSystemId", DEBIAN, "period", "monthly",
                "hostname", hostname);
    }

    public ApiResponse place(String token, String idempotencyKey, Map<String, Object> order) {
        return http.post("/api/orders", token, Map.of(WalletApiClient.IDEMPOTENCY_KEY, idempotencyKey), json(order));
    }

    /** Opens the customer's wallet in the catalogue's currency and, unless {@code amount} is null, tops it up. */
    public void walletWith(String token, String amount) {
        ApiResponse opened = http.openWallet(token, CURRENCY);
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        if (amount != null) {
            topUp(token, amount);
        }
    }

    public void topUp(String token, String amount) {
        ApiResponse deposit = http.deposit(token, UUID.randomUUID().toString(), amount, CURRENCY, "top-up");
        assertThat(deposit.status()).as("%s", deposit).isEqualTo(200);
    }

    /**
     * Waits until the wallet shows this balance: its read model follows a payment or a refund a moment after the
     * order does.
     */
    public void awaitBalance(String token, String expected) {
        await("balance " + expected).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(http.balance(token, CURRENCY)).isEqualByComparingTo(expected));
    }

    public JsonNode awaitOrder(String token, String orderId, Predicate<JsonNode> expected) {
        return await("order " + orderId).atMost(PROVISIONING).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/orders/" + orderId, token).json(), expected);
    }

    public JsonNode awaitVm(String token, String vmId, Predicate<JsonNode> expected) {
        return await("VM " + vmId).atMost(PROVISIONING).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(VMS + vmId, token), answer -> answer.status() == 200
                        && expected.test(answer.json())).json();
    }

    public static Predicate<JsonNode> status(String status) {
        return order -> status.equals(order.path("status").asText());
    }

    /**
     * VMs of plan {@code basic-1}, one per host name, ordered and paid from the customer's wallet (which must be
     * open; it is topped up by their price), provisioned in vCenter side by side and handed over: their orders
     * are {@code ACTIVE} and so are they.
     */
    public List<VmId> runningVms(String token, String... hostnames) {
        topUp(token, new BigDecimal(BASIC_1_MONTHLY).multiply(BigDecimal.valueOf(hostnames.length)).toPlainString());
        List<String> orderIds = new ArrayList<>();
        for (String hostname : hostnames) {
            ApiResponse placed = place(token, UUID.randomUUID().toString(), monthlyPlan(BASIC_1, hostname));
            assertThat(placed.status()).as("%s", placed).isEqualTo(201);
            assertThat(placed.json().path("paymentFailure").isNull()).as("%s", placed).isTrue();
            orderIds.add(placed.json().path("orderId").asText());
        }
        List<VmId> vms = new ArrayList<>();
        for (String orderId : orderIds) {
            JsonNode order = awaitOrder(token, orderId, status("ACTIVE").or(status("FAILED")));
            assertThat(order.path("status").asText()).as("order %s", order).isEqualTo("ACTIVE");
            VmId vmId = new VmId(order.path("vmId").asText());
            awaitVm(token, vmId.value(), status("ACTIVE"));
            vms.add(vmId);
        }
        return vms;
    }

    public VmId runningVm(String token, String hostname) {
        return runningVms(token, hostname).get(0);
    }
}
