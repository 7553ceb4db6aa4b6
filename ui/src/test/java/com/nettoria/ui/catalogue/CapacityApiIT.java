package com.nettoria.ui.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.reconciliation.VcenterReconciler;
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
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1;
import static com.nettoria.ui.support.DemoCatalogueIds.DATACENTER;
import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATACENTER;
import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Capacity through the API against VMware's vCenter simulator: administrators see what each datacenter may still
 * sell and what the platform has allocated there; a datacenter that has nothing left is sold out in the public
 * catalogue and orders there are refused naming the resource; administrators see the orphan VMs reconciliation
 * finds. The shared context sells the simulator's small cluster many times over and nothing of datacenter
 * {@value #SOLD_OUT} ({@link OrderApiTest}).
 */
@OrderApiTest
class CapacityApiIT {

    /** A datacenter on the simulator's cluster whose memory ratio sells (next to) nothing. */
    static final String SOLD_OUT = "capacity-sold-out";
    private static final Duration READ_MODEL = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    VCenter vcenter;

    @Autowired
    VcenterReconciler reconciler;

    WalletApiClient http;
    OrderApiClient orders;
    String admin;
    String customer;

    @BeforeEach
    void setUp() {
        http = new WalletApiClient(port);
        orders = new OrderApiClient(http);
        admin = tokens.issue("admin-" + UUID.randomUUID(), List.of("ADMIN")).accessToken();
        customer = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
        orders.walletWith(customer, null);
    }

    private JsonNode capacity(String datacenterId) {
        ApiResponse answer = http.get("/api/admin/catalogue/datacenters/" + datacenterId + "/capacity", admin);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private void put(String path, Map<String, Object> body) {
        ApiResponse answer = http.send(HttpMethod.PUT, path, admin, Map.of(), json(body));
        assertThat(answer.status()).as("%s", answer).isBetween(200, 201);
    }

    /** The sold-out datacenter on the simulator's cluster, with an operating system that has a template there. */
    private String soldOutDatacenterWithAnOperatingSystem() {
        put("/api/admin/catalogue/datacenters/" + SOLD_OUT, Map.of("name", "Sold out", "nameFa", "تمام شده",
                "location", "Tehran", "country", "IR", "placement", Map.of("datacenter", VCENTER_DATACENTER,
                        "cluster", "DC0_C0", "datastores", List.of("LocalDS_0"), "networks", List.of("DC0_DVPG0")),
                "orderable", true));
        String os = "capacity-debian";
        put("/api/admin/catalogue/operating-systems/" + os, Map.of("name", "Debian 12", "nameFa", "دبیان ۱۲",
                "family", "Linux", "version", "12", "templates", Map.of(SOLD_OUT, "debian-12")));
        return os;
    }

    private static JsonNode item(JsonNode list, String field, String value) {
        return StreamSupport.stream(list.spliterator(), false).filter(node -> node.path(field).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + list));
    }

    @Test
    void administratorsSeeWhatEachDatacenterMaySellWhatIsAllocatedAndWhatIsLeft() {
        JsonNode before = capacity(DATACENTER);
        orders.runningVm(customer, "web-1");

        JsonNode after = await("the allocation of the new VM").atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> capacity(DATACENTER), now -> now.path("allocated").path("memoryMib").asLong()
                        >= before.path("allocated").path("memoryMib").asLong() + 1024);

        assertThat(after.path("capacity").path("hosts").asInt()).isEqualTo(3);
        assertThat(after.path("ratios").path("cpu").asText()).isEqualTo("1000");
        assertThat(after.path("sellable").path("vcpus").asLong())
                .isEqualTo(after.path("capacity").path("cpuCores").asLong() * 1000);
        assertThat(after.path("left").path("memoryMib").asLong()).isEqualTo(
                after.path("sellable").path("memoryMib").asLong() - after.path("allocated").path("memoryMib").asLong());
        assertThat(after.path("largestNewDiskGib").asLong()).isPositive();

        JsonNode overview = http.get("/api/admin/capacity", admin).json().path("datacenters");
        JsonNode tehran = item(overview, "datacenterId", DATACENTER);
        assertThat(tehran.path("available").asBoolean()).isTrue();
        assertThat(tehran.path("capacity").path("allocated").path("vcpus").asLong()).isPositive();
    }

    @Test
    void aDatacenterWithNothingLeftIsSoldOutInTheCatalogueAndOrdersThereAreRefusedNamingTheResource() {
        String os = soldOutDatacenterWithAnOperatingSystem();

        JsonNode services = await("the sold-out mark").atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/services", null).json(),
                        catalogue -> item(catalogue.path("datacenters"), "id", SOLD_OUT).path("soldOut").asBoolean());
        assertThat(item(services.path("datacenters"), "id", DATACENTER).path("soldOut").asBoolean()).isFalse();
        JsonNode basic = item(services.path("plans"), "id", BASIC_1);
        assertThat(basic.path("soldOutIn")).extracting(JsonNode::asText).containsExactly(SOLD_OUT);
        JsonNode capacity = capacity(SOLD_OUT);
        assertThat(capacity.path("ratios").path("memory").asText()).isEqualTo("0.0001");
        assertThat(capacity.path("left").path("memoryMib").asLong()).isLessThan(512);

        ApiResponse refused = orders.place(customer, UUID.randomUUID().toString(), Map.of("planId", BASIC_1,
                "datacenterId", SOLD_OUT, "operatingSystemId", os, "period", "monthly", "hostname", "web-1"));

        assertProblem(refused, 409, "order.datacenter-full", "datacenterId");
        assertThat(refused.json().path("resource").asText()).isEqualTo("memory");
        assertThat(http.get("/api/orders", customer).json().path("items")).isEmpty();
    }

    @Test
    void administratorsSeeTheOrphansReconciliationFoundUntilTheyAreGone() {
        orders.runningVm(customer, "web-1"); // reconciliation looks at datacenters the platform has VMs in
        String stray = VmId.VCENTER_NAME_PREFIX + UUID.randomUUID();
        vcenter.cloneFromTemplate(new VCenter.CloneSpec(VCENTER_DATACENTER, "debian-12", stray, "DC0_C0", null,
                "LocalDS_0", null, "created behind the platform's back"));
        reconciler.reconcile().orElseThrow();

        JsonNode found = await("the orphan").atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/admin/vcenter/orphans", admin).json().path("items"),
                        items -> StreamSupport.stream(items.spliterator(), false)
                                .anyMatch(orphan -> orphan.path("vcenterName").asText().equals(stray)));
        JsonNode orphan = item(found, "vcenterName", stray);
        assertThat(orphan.path("vcenterDatacenter").asText()).isEqualTo(VCENTER_DATACENTER);
        assertThat(orphan.path("instanceUuid").asText()).isNotBlank();
        assertThat(orphan.path("goneAt").isNull()).isTrue();

        vcenter.destroy(VCENTER_DATACENTER, stray);
        reconciler.reconcile().orElseThrow();

        JsonNode gone = await("the orphan gone").atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/admin/vcenter/orphans?includeGone=true", admin).json().path("items"),
                        items -> !item(items, "vcenterName", stray).path("goneAt").isNull());
        assertThat(item(gone, "vcenterName", stray).path("goneAt").asText()).isNotBlank();
        assertThat(http.get("/api/admin/vcenter/orphans", admin).json().path("items"))
                .noneMatch(node -> node.path("vcenterName").asText().equals(stray));
    }

    @Test
    void customersSeeNeitherCapacityNorOrphans() {
        assertProblem(http.get("/api/admin/capacity", customer), 403, "auth.forbidden", null);
        assertProblem(http.get("/api/admin/catalogue/datacenters/" + DATACENTER + "/capacity", customer), 403,
                "auth.forbidden", null);
        assertProblem(http.get("/api/admin/vcenter/orphans", customer), 403, "auth.forbidden", null);
        assertProblem(http.get("/api/admin/vcenter/orphans", null), 401, "auth.unauthenticated", null);
    }
}
