package com.nettoria.ui.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.RegisterVmCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.ui.security.TokenIssuer;
import com.nettoria.ui.support.DemoCatalogueIds;
import com.nettoria.ui.support.OrderApiClient;
import com.nettoria.ui.support.OrderApiTest;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1;
import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1_DISK_GIB;
import static com.nettoria.ui.support.DemoCatalogueIds.DATACENTER;
import static com.nettoria.ui.support.DemoCatalogueIds.DEBIAN;
import static com.nettoria.ui.support.DemoCatalogueIds.PLACEMENT;
import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATACENTER;
import static com.nettoria.ui.support.OrderApiClient.VMS;
import static com.nettoria.ui.support.OrderApiClient.status;
import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The VM API over real HTTP: input and ownership checks made before a command is sent, the VM and operation read
 * models as owners and administrators see them, and power and delete operations carried out by the VM aggregate
 * and the operations worker in VMware's vCenter simulator — where each test looks at what they did. The VMs are
 * ordered from the demo catalogue, paid and provisioned like any customer's ({@link OrderApiClient#runningVms}),
 * several side by side where a test needs more than one.
 */
@OrderApiTest
class VmApiIT {

    private static final Duration READ_MODEL = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    CommandGateway commands;

    @Autowired
    VCenter vcenter;

    WalletApiClient http;
    OrderApiClient orders;
    String customerId;
    String customer;
    String stranger;

    @BeforeEach
    void setUp() {
        http = new WalletApiClient(port);
        orders = new OrderApiClient(http);
        customerId = "customer-" + UUID.randomUUID();
        customer = tokens.issue(customerId, List.of("CUSTOMER")).accessToken();
        stranger = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
        orders.walletWith(customer, null);
    }

    private VmId runningVm(String hostname) {
        return orders.runningVm(customer, hostname);
    }

    private ApiResponse power(String token, VmId vmId, String idempotencyKey, String body) {
        return http.post(VMS + vmId.value() + "/power", token,
                idempotencyKey == null ? Map.of() : Map.of(WalletApiClient.IDEMPOTENCY_KEY, idempotencyKey), body);
    }

    private JsonNode awaitOperation(String path, String token, String status) {
        return await("operation " + path + " " + status).atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get(path, token), answer -> answer.status() == 200
                        && answer.json().path("status").asText().equals(status)).json();
    }

    /** The VM as vCenter sees it now; fails when vCenter has none of that name. */
    private VCenter.VmInfo inVcenter(VmId vmId) {
        return vcenter.vmInfo(VCENTER_DATACENTER, vmId.vcenterName())
                .orElseThrow(() -> new AssertionError("vCenter has no VM " + vmId.vcenterName()));
    }

    @Nested
    class MyVms {

        @Test
        void aRunningVmIsShownToItsOwnerAsVcenterRunsIt() {
            VmId vmId = runningVm("web-1");

            JsonNode vm = http.get(VMS + vmId.value(), customer).json();

            VCenter.VmInfo running = inVcenter(vmId);
            assertThat(running.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(vm.path("vmId").asText()).isEqualTo(vmId.value());
            assertThat(vm.path("customerId").asText()).isEqualTo(customerId);
            assertThat(vm.path("hostname").asText()).isEqualTo("web-1");
            assertThat(vm.path("planId").asText()).isEqualTo(BASIC_1);
            assertThat(vm.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(vm.path("powerState").asText()).isEqualTo("ON");
            assertThat(vm.path("ipAddress").asText()).isNotBlank().isEqualTo(running.ipAddress());
            assertThat(vm.path("spec").path("diskGib").asInt()).isEqualTo(BASIC_1_DISK_GIB)
                    .isEqualTo(running.diskGib());
            assertThat(vm.path("provisioning").path("step").asText()).isEqualTo("COMPLETE");
            assertThat(vm.path("provisionedAt").isTextual()).isTrue();
            assertThat(vm.path("lastOperation").isNull()).isTrue();
        }

        @Test
        void someoneElsesVmIsNotFoundLikeAVmThatDoesNotExistNever403() {
            VmId vmId = runningVm("web-1");
            String path = VMS + vmId.value();
            String unknown = VMS + UUID.randomUUID();

            assertProblem(http.get(path, stranger), 404, "vm.not-found", null);
            assertProblem(power(stranger, vmId, null, json(Map.of("action", "off"))), 404, "vm.not-found", null);
            assertProblem(http.send(HttpMethod.DELETE, path, stranger, Map.of(), null), 404, "vm.not-found", null);
            assertProblem(http.get(path + "/operations", stranger), 404, "vm.not-found", null);
            assertProblem(http.get(path + "/operations/" + UUID.randomUUID(), stranger), 404, "vm.not-found", null);
            assertProblem(http.get(unknown, customer), 404, "vm.not-found", null);
            assertProblem(http.post(unknown + "/power", customer, Map.of(), json(Map.of("action", "on"))), 404,
                    "vm.not-found", null);
            assertThat(http.get("/api/vcenter/vms", stranger).json().path("totalItems").asLong()).isZero();
            assertThat(http.get(path + "/operations", customer).json().path("totalItems").asLong()).isZero();
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        }

        @Test
        void aVmIdThatIsNotAUuidIsABadRequest() {
            assertProblem(http.get(VMS + "vm-1", customer), 400, "request.invalid", "vmId");
            assertProblem(http.post(VMS + "vm-1/power", customer, Map.of(), json(Map.of("action", "on"))), 400,
                    "request.invalid", "vmId");
            assertProblem(http.send(HttpMethod.DELETE, VMS + "vm-1", customer, Map.of(), null), 400,
                    "request.invalid", "vmId");
        }

        @Test
        void myVmsAreListedNewestFirstAndDeletedOnesOnlyWhenAskedFor() {
            List<VmId> vms = orders.runningVms(customer, "one", "two");
            VmId kept = vms.get(0);
            VmId deleted = vms.get(1);
            ApiResponse deletion = http.send(HttpMethod.DELETE, VMS + deleted.value(), customer, Map.of(), null);
            assertThat(deletion.status()).as("%s", deletion).isEqualTo(202);
            orders.awaitVm(customer, deleted.value(), status("DELETED"));

            JsonNode live = http.get("/api/vcenter/vms", customer).json();
            JsonNode all = http.get("/api/vcenter/vms?includeDeleted=true&size=1", customer).json();

            assertThat(live.path("items")).extracting(vm -> vm.path("vmId").asText()).containsExactly(kept.value());
            assertThat(all.path("totalItems").asLong()).isEqualTo(2);
            assertThat(all.path("totalPages").asInt()).isEqualTo(2);
            assertThat(all.path("items").get(0).path("vmId").asText()).isEqualTo(deleted.value());
            assertProblem(http.get("/api/vcenter/vms?includeDeleted=maybe", customer), 400, "request.invalid",
                    "includeDeleted");
        }

        @Test
        void theVmPathsNeedAToken() {
            String path = VMS + UUID.randomUUID();
            assertProblem(http.get("/api/vcenter/vms", null), 401, "auth.unauthenticated", null);
            assertProblem(http.get(path, null), 401, "auth.unauthenticated", null);
            assertProblem(http.post(path + "/power", null, Map.of(), json(Map.of("action", "on"))), 401,
                    "auth.unauthenticated", null);
            assertProblem(http.send(HttpMethod.DELETE, path, null, Map.of(), null), 401, "auth.unauthenticated", null);
        }
    }

    @Nested
    class Power {

        @Test
        void refusesAnActionItDoesNotKnowOrNoActionAtAll() {
            VmId vmId = runningVm("web-1");

            assertProblem(power(customer, vmId, null, json(Map.of("action", "explode"))), 400, "request.invalid",
                    "action");
            assertProblem(power(customer, vmId, null, json(Map.of())), 400, "request.invalid", "action");
            assertProblem(power(customer, vmId, null, null), 400, null, null);
            assertProblem(power(customer, vmId, "a key with spaces", json(Map.of("action", "on"))), 400,
                    "request.invalid", "Idempotency-Key");
            assertThat(http.get(VMS + vmId.value() + "/operations", customer).json().path("totalItems").asLong())
                    .isZero();
        }

        @Test
        void aPowerActionIsAcceptedAndItsOperationSaysHowItEnded() {
            VmId vmId = runningVm("web-1");

            ApiResponse accepted = power(customer, vmId, null, json(Map.of("action", "off")));

            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            assertThat(accepted.header("Idempotent-Replayed")).isEqualTo("false");
            String operationId = accepted.json().path("operationId").asText();
            assertThat(accepted.header("Location")).isEqualTo(VMS + vmId.value() + "/operations/" + operationId);
            assertThat(accepted.json().path("kind").asText()).isEqualTo("POWER_OFF");
            assertThat(accepted.json().has("requestedBy")).isFalse();
            JsonNode done = awaitOperation(accepted.header("Location"), customer, "SUCCEEDED");
            assertThat(done.path("finishedAt").isTextual()).isTrue();
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_OFF);
            JsonNode vm = await().atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                    .until(() -> http.get(VMS + vmId.value(), customer).json(),
                            body -> body.path("powerState").asText().equals("OFF"));
            assertThat(vm.path("lastOperation").path("operationId").asText()).isEqualTo(operationId);
            assertThat(vm.path("lastOperation").path("status").asText()).isEqualTo("SUCCEEDED");

            ApiResponse on = power(customer, vmId, null, json(Map.of("action", "on")));

            awaitOperation(on.header("Location"), customer, "SUCCEEDED");
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        }

        @Test
        void theSameIdempotencyKeyAgainAnswersTheSameOperationWithoutAskingAgain() {
            VmId vmId = runningVm("web-1");
            String key = UUID.randomUUID().toString();
            ApiResponse first = power(customer, vmId, key, json(Map.of("action", "force-off")));
            assertThat(first.status()).as("%s", first).isEqualTo(202);

            ApiResponse replayed = power(customer, vmId, key, json(Map.of("action", "Force_Off")));

            assertThat(replayed.status()).as("%s", replayed).isEqualTo(202);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.header("Location")).isEqualTo(first.header("Location"));
            assertThat(replayed.json().path("operationId").asText())
                    .isEqualTo(VmOperations.operationId(customerId, vmId, key));
            assertThat(replayed.json().path("kind").asText()).isEqualTo("FORCE_OFF");
            assertProblem(power(customer, vmId, key, json(Map.of("action", "on"))), 422, "idempotency.key-reused",
                    "Idempotency-Key");
            awaitOperation(first.header("Location"), customer, "SUCCEEDED");
            assertThat(http.get(VMS + vmId.value() + "/operations", customer).json().path("totalItems").asLong())
                    .isEqualTo(1);
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_OFF);
        }

        @Test
        void anOperationVcenterCannotCarryOutEndsFailedWithWhyNewestFirst() {
            VmId vmId = runningVm("web-1");
            ApiResponse reset = power(customer, vmId, null, json(Map.of("action", "reset")));
            awaitOperation(reset.header("Location"), customer, "SUCCEEDED");
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
            // someone removes the VM in vCenter behind the platform's back
            vcenter.destroy(VCENTER_DATACENTER, vmId.vcenterName());
            assertThat(vcenter.findVm(VCENTER_DATACENTER, vmId.vcenterName())).isEmpty();

            ApiResponse on = power(customer, vmId, null, json(Map.of("action", "ON")));

            JsonNode failed = awaitOperation(on.header("Location"), customer, "FAILED");
            assertThat(failed.path("kind").asText()).isEqualTo("POWER_ON");
            assertThat(failed.path("code").asText()).isEqualTo("vcenter.not-found");
            assertThat(failed.path("reason").asText()).contains(vmId.vcenterName());
            JsonNode list = http.get(VMS + vmId.value() + "/operations", customer).json();
            assertThat(list.path("items")).extracting(operation -> operation.path("kind").asText())
                    .containsExactly("POWER_ON", "RESET");
            assertThat(list.path("items")).extracting(operation -> operation.path("status").asText())
                    .containsExactly("FAILED", "SUCCEEDED");
            assertProblem(http.get(VMS + vmId.value() + "/operations/" + UUID.randomUUID(), customer), 404,
                    "vm.operation-not-found", null);
        }

        @Test
        void aVmThatIsStillProvisioningCanNeitherBePoweredNorDeleted() {
            VmId vmId = provisioningVm("web-1");
            orders.awaitVm(customer, vmId.value(), status("PROVISIONING"));

            ApiResponse power = power(customer, vmId, null, json(Map.of("action", "on")));
            ApiResponse delete = http.send(HttpMethod.DELETE, VMS + vmId.value(), customer, Map.of(), null);

            assertProblem(power, 409, "vm.illegal-state", null);
            assertThat(power.json().path("context").path("status").asText()).isEqualTo("PROVISIONING");
            assertProblem(delete, 409, "vm.illegal-state", null);
            assertThat(http.get(VMS + vmId.value() + "/operations", customer).json().path("totalItems").asLong())
                    .isZero();
        }

        @Test
        void aDeletedVmIsGoneFromVcenterAndTheListAndCanNoLongerBePowered() {
            VmId vmId = runningVm("web-1");

            ApiResponse deleted = http.send(HttpMethod.DELETE, VMS + vmId.value(), customer, Map.of(), null);

            assertThat(deleted.status()).as("%s", deleted).isEqualTo(202);
            assertThat(deleted.json().path("kind").asText()).isEqualTo("DELETE");
            awaitOperation(deleted.header("Location"), customer, "SUCCEEDED");
            assertThat(vcenter.findVm(VCENTER_DATACENTER, vmId.vcenterName())).isEmpty();
            JsonNode vm = orders.awaitVm(customer, vmId.value(), status("DELETED"));
            assertThat(vm.path("deletedAt").isTextual()).isTrue();
            assertThat(http.get("/api/vcenter/vms", customer).json().path("totalItems").asLong()).isZero();
            assertProblem(power(customer, vmId, null, json(Map.of("action", "on"))), 409, "vm.illegal-state", null);
        }
    }

    private ApiResponse takeSnapshot(String token, VmId vmId, String name) {
        return http.post(VMS + vmId.value() + "/snapshots", token, Map.of(),
                json(Map.of("name", name, "description", "taken by " + name)));
    }

    private JsonNode snapshots(VmId vmId) {
        return http.get(VMS + vmId.value() + "/snapshots", customer).json().path("items");
    }

    /** Whether vCenter holds the platform's snapshot: reverting to one it does not have is refused as not found. */
    private boolean vcenterHasSnapshot(VmId vmId, String snapshotId) {
        try {
            vcenter.revertToSnapshot(VCENTER_DATACENTER, vmId.vcenterName(), VmSnapshots.vcenterName(snapshotId));
            return true;
        } catch (VCenterException refused) {
            if (refused.kind() != VCenterException.Kind.NOT_FOUND) {
                throw refused;
            }
            return false;
        }
    }

    @Nested
    class SnapshotsAndRename {

        @Test
        void aSnapshotIsTakenListedRestoredAndDeletedInVcenter() {
            VmId vmId = runningVm("web-1");

            ApiResponse taken = takeSnapshot(customer, vmId, "before upgrade");

            assertThat(taken.status()).as("%s", taken).isEqualTo(202);
            assertThat(taken.json().path("kind").asText()).isEqualTo("SNAPSHOT");
            String snapshotId = taken.header(VmController.SNAPSHOT_ID);
            assertThat(snapshotId).isEqualTo(VmSnapshots.idFor(vmId, taken.json().path("operationId").asText()));
            awaitOperation(taken.header("Location"), customer, "SUCCEEDED");
            JsonNode listed = await().atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                    .until(() -> snapshots(vmId), items -> items.size() == 1
                            && items.get(0).path("status").asText().equals("AVAILABLE"));
            assertThat(listed.get(0).path("snapshotId").asText()).isEqualTo(snapshotId);
            assertThat(listed.get(0).path("name").asText()).isEqualTo("before upgrade");
            assertThat(listed.get(0).path("takenAt").isTextual()).isTrue();
            assertThat(vcenterHasSnapshot(vmId, snapshotId)).isTrue();

            ApiResponse restored = http.post(VMS + vmId.value() + "/snapshots/" + snapshotId + "/restore", customer,
                    Map.of(), null);

            assertThat(restored.status()).as("%s", restored).isEqualTo(202);
            assertThat(restored.json().path("kind").asText()).isEqualTo("RESTORE_SNAPSHOT");
            awaitOperation(restored.header("Location"), customer, "SUCCEEDED");

            ApiResponse deleted = http.send(HttpMethod.DELETE, VMS + vmId.value() + "/snapshots/" + snapshotId,
                    customer, Map.of(), null);

            assertThat(deleted.status()).as("%s", deleted).isEqualTo(202);
            assertThat(deleted.json().path("kind").asText()).isEqualTo("DELETE_SNAPSHOT");
            awaitOperation(deleted.header("Location"), customer, "SUCCEEDED");
            await().atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                    .until(() -> snapshots(vmId), items -> items.isEmpty());
            assertThat(vcenterHasSnapshot(vmId, snapshotId)).isFalse();
            assertProblem(http.post(VMS + vmId.value() + "/snapshots/" + snapshotId + "/restore", customer,
                    Map.of(), null), 404, "vm.snapshot-not-found", "snapshotId");
        }

        @Test
        void aVmKeepsAtMostTheLimitOfSnapshotsAndRefusesBadNames() {
            VmId vmId = runningVm("web-1");
            for (int i = 1; i <= VmSnapshots.LIMIT; i++) {
                ApiResponse taken = takeSnapshot(customer, vmId, "backup " + i);
                assertThat(taken.status()).as("%s", taken).isEqualTo(202);
            }

            ApiResponse refused = takeSnapshot(customer, vmId, "one too many");

            assertProblem(refused, 409, "vm.snapshot-limit", null);
            assertThat(refused.json().path("limit").asText())
                    .isEqualTo(String.valueOf(VmSnapshots.LIMIT));
            assertProblem(takeSnapshot(customer, vmId, "x".repeat(65)), 400, "request.invalid", "name");
            assertProblem(http.post(VMS + vmId.value() + "/snapshots", customer, Map.of(), json(Map.of())), 400,
                    "request.invalid", "name");
            assertProblem(http.post(VMS + vmId.value() + "/snapshots/snap-unknown/restore", customer, Map.of(),
                    null), 404, "vm.snapshot-not-found", "snapshotId");
            await().atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                    .until(() -> snapshots(vmId), items -> items.size() == VmSnapshots.LIMIT);
        }

        @Test
        void theOwnerRenamesTheVmWhileItsVcenterNameStays() {
            VmId vmId = runningVm("web-1");

            ApiResponse renamed = http.send(HttpMethod.PATCH, VMS + vmId.value(), customer, Map.of(),
                    json(Map.of("hostname", "db-2")));

            assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
            assertThat(renamed.json().path("hostname").asText()).isEqualTo("db-2");
            assertThat(renamed.json().path("vcenterName").asText()).isEqualTo(vmId.vcenterName());
            assertThat(http.get(VMS + vmId.value(), customer).json().path("hostname").asText()).isEqualTo("db-2");
            assertThat(inVcenter(vmId).name()).isEqualTo(vmId.vcenterName());
            assertProblem(http.send(HttpMethod.PATCH, VMS + vmId.value(), customer, Map.of(),
                    json(Map.of("hostname", "Not_A_Label"))), 400, "request.invalid", "hostname");
        }

        @Test
        void someoneElsesVmHasNoSnapshotsToTakeOrNameToChange() {
            VmId vmId = runningVm("web-1");
            String path = VMS + vmId.value();

            assertProblem(http.get(path + "/snapshots", stranger), 404, "vm.not-found", null);
            assertProblem(takeSnapshot(stranger, vmId, "mine now"), 404, "vm.not-found", null);
            assertProblem(http.post(path + "/snapshots/snap-1/restore", stranger, Map.of(), null), 404,
                    "vm.not-found", null);
            assertProblem(http.send(HttpMethod.DELETE, path + "/snapshots/snap-1", stranger, Map.of(), null), 404,
                    "vm.not-found", null);
            assertProblem(http.send(HttpMethod.PATCH, path, stranger, Map.of(), json(Map.of("hostname", "x"))), 404,
                    "vm.not-found", null);
            assertThat(snapshots(vmId)).isEmpty();
            assertThat(http.get(path, customer).json().path("hostname").asText()).isEqualTo("web-1");
        }
    }

    /**
     * A VM that provisioning has only just registered, as the provisioning saga registers the VM of a paid order
     * (its first command); nothing drives it further, so it stays {@code PROVISIONING} for as long as the test
     * needs, which a VM really being provisioned does not.
     */
    private VmId provisioningVm(String hostname) {
        OrderId orderId = OrderId.forRequest(new CustomerId(customerId), UUID.randomUUID().toString());
        VmId vmId = VmId.forOrder(orderId);
        commands.sendAndWait(new RegisterVmCommand(vmId, orderId, new CustomerId(customerId), hostname,
                new PlanId(BASIC_1), new VmSpec(1, 1024, BASIC_1_DISK_GIB, 1000), BillingPeriod.MONTHLY,
                new DatacenterId(DATACENTER), new OperatingSystemId(DEBIAN), PLACEMENT, DEBIAN));
        return vmId;
    }

    @Nested
    class Administration {

        @Test
        void administratorsSeeADatacentersCapacityAsVcenterReportsIt() {
            String admin = tokens.issue("admin-" + UUID.randomUUID(), List.of("ADMIN")).accessToken();

            JsonNode capacity = http.get("/api/admin/catalogue/datacenters/" + DemoCatalogueIds.DATACENTER
                    + "/capacity", admin).json();

            assertThat(capacity.path("placement").path("datacenter").asText())
                    .isEqualTo(DemoCatalogueIds.VCENTER_DATACENTER);
            assertThat(capacity.path("capacity").path("hosts").asInt()).isEqualTo(3);
            assertThat(capacity.path("capacity").path("memoryMibEffective").asLong()).isPositive();
            assertThat(capacity.path("capacity").path("datastores")).isNotEmpty()
                    .allSatisfy(datastore -> assertThat(datastore.path("freeGib").asLong()).isPositive()
                            .isLessThanOrEqualTo(datastore.path("capacityGib").asLong()));
        }

        @Test
        void administratorsSeeEveryonesVmsAndPowerThemOnTheirOwnersBehalf() {
            String adminId = "admin-" + UUID.randomUUID();
            String admin = tokens.issue(adminId, List.of("ADMIN")).accessToken();
            VmId vmId = runningVm("web-1");

            ApiResponse accepted = http.post("/api/admin/vms/" + vmId.value() + "/power", admin, Map.of(),
                    json(Map.of("action", "force-off")));

            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            assertThat(accepted.header("Location")).startsWith("/api/admin/vms/" + vmId.value() + "/operations/");
            JsonNode operation = awaitOperation(accepted.header("Location"), admin, "SUCCEEDED");
            assertThat(operation.path("requestedBy").asText()).isEqualTo(adminId);
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_OFF);
            assertThat(http.get(VMS + vmId.value() + "/operations", customer).json().path("items").get(0)
                    .has("requestedBy")).isFalse();
            JsonNode theirs = http.get("/api/admin/vms?customerId=" + customerId + "&status=active", admin).json();
            assertThat(theirs.path("items")).extracting(vm -> vm.path("vmId").asText()).containsExactly(vmId.value());
            assertThat(http.get("/api/admin/vms/" + vmId.value(), admin).json().path("customerId").asText())
                    .isEqualTo(customerId);
            assertThat(http.get("/api/admin/vms/" + vmId.value() + "/operations", admin).json().path("totalItems")
                    .asLong()).isEqualTo(1);
            assertProblem(http.get("/api/admin/vms/" + UUID.randomUUID(), admin), 404, "vm.not-found", null);
            assertProblem(http.get("/api/admin/vms?status=sleeping", admin), 400, "request.invalid", "status");
            assertProblem(http.post("/api/admin/vms/" + vmId.value() + "/power", admin, Map.of(),
                    json(Map.of("action", "jump"))), 400, "request.invalid", "action");
        }

        @Test
        void customersCannotUseTheAdministrationPaths() {
            VmId vmId = runningVm("web-1");

            assertProblem(http.get("/api/admin/vms", customer), 403, "auth.forbidden", null);
            assertProblem(http.post("/api/admin/vms/" + vmId.value() + "/power", customer, Map.of(),
                    json(Map.of("action", "force-off"))), 403, "auth.forbidden", null);
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        }
    }
}
