package com.nettoria.ui.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.ui.security.TokenIssuer;
import com.nettoria.ui.support.OrderApiClient;
import com.nettoria.ui.support.OrderApiTest;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1;
import static com.nettoria.ui.support.DemoCatalogueIds.CURRENCY;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_DISK_GIB;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_MEMORY_MIB;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_MONTHLY;
import static com.nettoria.ui.support.DemoCatalogueIds.STANDARD_2_VCPUS;
import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATACENTER;
import static com.nettoria.ui.support.OrderApiClient.VMS;
import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scaling up over real HTTP, end to end: a basic-1 VM ordered from the demo catalogue and provisioned in VMware's
 * vCenter simulator is quoted and grown to standard-2 (2 vCPUs, 4096 MiB, 60 GiB), paying the rest of the month's
 * difference from the wallet once however often the request is repeated; vCenter and the VM's read model show the
 * new size. Shrinking, the same size, an empty wallet and someone else's VM are refused.
 */
@OrderApiTest
class VmScaleApiIT {

    private static final Duration READ_MODEL = Duration.ofSeconds(30);
    /** What growing basic-1 (3 650 000 IRR) to standard-2 costs for a whole month. */
    private static final BigDecimal MONTHLY_DIFFERENCE = new BigDecimal("7300000");

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    VCenter vcenter;

    WalletApiClient http;
    OrderApiClient orders;
    String customer;
    String stranger;

    @BeforeEach
    void setUp() {
        http = new WalletApiClient(port);
        orders = new OrderApiClient(http);
        customer = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
        stranger = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
        orders.walletWith(customer, null);
    }

    private ApiResponse scale(String token, VmId vmId, String key, Map<String, Object> body) {
        return http.post(VMS + vmId.value() + "/scale", token,
                key == null ? Map.of() : Map.of(WalletApiClient.IDEMPOTENCY_KEY, key), json(body));
    }

    private ApiResponse quote(String token, VmId vmId, Map<String, Object> body) {
        return http.post(VMS + vmId.value() + "/scale/quote", token, Map.of(), json(body));
    }

    private static Map<String, Object> toPlan(String planId) {
        return Map.of("planId", planId);
    }

    private static Map<String, Object> toCustom(int vcpus, int memoryMib, int diskGib) {
        return Map.of("custom", Map.of("vcpus", vcpus, "memoryMib", memoryMib, "diskGib", diskGib));
    }

    private VCenter.VmInfo inVcenter(VmId vmId) {
        return vcenter.vmInfo(VCENTER_DATACENTER, vmId.vcenterName()).orElseThrow();
    }

    @Test
    void quotedThenGrownInVcenterAndPaidOnceHoweverOftenAsked() {
        VmId vmId = orders.runningVm(customer, "web-1");
        orders.topUp(customer, "20000000");

        ApiResponse quoted = quote(customer, vmId, toPlan(STANDARD_2));
        assertThat(quoted.status()).as("%s", quoted).isEqualTo(200);
        assertThat(quoted.json().path("currentPlanId").asText()).isEqualTo(BASIC_1);
        assertThat(quoted.json().path("spec").path("vcpus").asInt()).isEqualTo(STANDARD_2_VCPUS);
        assertThat(quoted.json().path("period").asText()).isEqualTo("MONTHLY");
        assertThat(quoted.json().path("currency").asText()).isEqualTo(CURRENCY);
        assertThat(quoted.json().path("periodPrice").decimalValue()).isEqualByComparingTo(STANDARD_2_MONTHLY);
        assertThat(quoted.json().path("chargeNow").decimalValue()).isPositive()
                .isLessThanOrEqualTo(MONTHLY_DIFFERENCE);
        assertThat(quoted.json().path("paidUntil").isTextual()).isTrue();
        assertThat(inVcenter(vmId).vcpus()).as("a quote changes nothing").isEqualTo(1);

        String key = UUID.randomUUID().toString();
        ApiResponse scaled = scale(customer, vmId, key, toPlan(STANDARD_2));
        ApiResponse again = scale(customer, vmId, key, toPlan(STANDARD_2));

        assertThat(scaled.status()).as("%s", scaled).isEqualTo(202);
        assertThat(scaled.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String operation = scaled.header("Location");
        assertThat(again.header("Location")).isEqualTo(operation);
        assertThat(scaled.json().path("kind").asText()).isEqualTo("SCALE");
        BigDecimal charged = scaled.json().path("quote").path("chargeNow").decimalValue();
        assertThat(again.json().path("quote").path("chargeNow").decimalValue()).isEqualByComparingTo(charged);
        assertThat(charged).isPositive().isLessThanOrEqualTo(MONTHLY_DIFFERENCE);

        await("scale operation").atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(operation, customer), answer -> answer.status() == 200
                        && !answer.json().path("status").asText().equals("REQUESTED"));
        assertThat(http.get(operation, customer).json().path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode vm = orders.awaitVm(customer, vmId.value(),
                shown -> shown.path("spec").path("vcpus").asInt() == STANDARD_2_VCPUS);
        assertThat(vm.path("planId").asText()).isEqualTo(STANDARD_2);
        assertThat(vm.path("spec").path("memoryMib").asInt()).isEqualTo(STANDARD_2_MEMORY_MIB);
        assertThat(vm.path("spec").path("diskGib").asInt()).isEqualTo(STANDARD_2_DISK_GIB);
        assertThat(vm.path("lastOperation").path("kind").asText()).isEqualTo("SCALE");
        VCenter.VmInfo grown = inVcenter(vmId);
        assertThat(grown.vcpus()).isEqualTo(STANDARD_2_VCPUS);
        assertThat(grown.memoryMib()).isEqualTo(STANDARD_2_MEMORY_MIB);
        assertThat(grown.diskGib()).isEqualTo(STANDARD_2_DISK_GIB);
        assertThat(grown.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        orders.awaitBalance(customer, new BigDecimal("20000000").subtract(charged).toPlainString());

        assertProblem(scale(customer, vmId, key, toCustom(4, 8192, 80)), 422, "idempotency.key-reused",
                "Idempotency-Key");
    }

    @Test
    void aVmOnlyGrowsAndTheFieldThatWouldShrinkIsNamed() {
        orders.topUp(customer, new BigDecimal(STANDARD_2_MONTHLY).add(new BigDecimal("20000000")).toPlainString());
        ApiResponse placed = orders.place(customer, UUID.randomUUID().toString(),
                OrderApiClient.monthlyPlan(STANDARD_2, "db-1"));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        JsonNode order = orders.awaitOrder(customer, placed.json().path("orderId").asText(),
                OrderApiClient.status("ACTIVE"));
        VmId vmId = new VmId(order.path("vmId").asText());
        orders.awaitVm(customer, vmId.value(), OrderApiClient.status("ACTIVE"));

        assertProblem(scale(customer, vmId, "k-1", toPlan(BASIC_1)), 422, "vm.scale-down", "planId");
        assertProblem(scale(customer, vmId, "k-2", toCustom(2, 2048, 60)), 422, "vm.scale-down", "custom.memoryMib");
        assertProblem(quote(customer, vmId, toCustom(4, 8192, 40)), 422, "vm.scale-down", "custom.diskGib");
        assertProblem(scale(customer, vmId, "k-3", toPlan(STANDARD_2)), 422, "vm.scale-unchanged", "planId");
        assertProblem(scale(customer, vmId, "k-4", toCustom(2, 4096, 60)), 422, "vm.scale-unchanged", "custom");
        assertProblem(quote(customer, vmId, toCustom(17, 4096, 60)), 422, "catalogue.spec-out-of-range",
                "custom.vcpus");
        assertProblem(scale(customer, vmId, null, toPlan("pro-4")), 400, "request.invalid", "Idempotency-Key");
        assertProblem(scale(customer, vmId, "k-5", Map.of()), 400, "request.invalid", "planId");
        assertProblem(scale(customer, vmId, "k-6", toPlan("no-such-plan")), 422, "catalogue.unknown-plan", "planId");
        assertThat(inVcenter(vmId).vcpus()).isEqualTo(STANDARD_2_VCPUS);
        assertThat(http.get(VMS + vmId.value() + "/operations", customer).json().path("totalItems").asLong())
                .isZero();
        orders.awaitBalance(customer, "20000000");
    }

    @Test
    void aWalletThatCannotPayRefusesTheScaleAndNothingChanges() {
        VmId vmId = orders.runningVm(customer, "web-1"); // its order took the whole top-up

        ApiResponse refused = scale(customer, vmId, "k-1", toPlan(STANDARD_2));

        assertProblem(refused, 422, "wallet.insufficient-funds", null);
        assertThat(http.get(VMS + vmId.value(), customer).json().path("planId").asText()).isEqualTo(BASIC_1);
        assertThat(http.get(VMS + vmId.value() + "/operations", customer).json().path("totalItems").asLong())
                .isZero();
        assertThat(inVcenter(vmId).vcpus()).isEqualTo(1);
    }

    @Test
    void someoneElsesVmIsNotFound() {
        VmId vmId = orders.runningVm(customer, "web-1");

        assertProblem(scale(stranger, vmId, "k-1", toPlan(STANDARD_2)), 404, "vm.not-found", null);
        assertProblem(quote(stranger, vmId, toPlan(STANDARD_2)), 404, "vm.not-found", null);
        assertProblem(scale(customer, new VmId(UUID.randomUUID().toString()), "k-1", toPlan(STANDARD_2)), 404,
                "vm.not-found", null);
    }
}
