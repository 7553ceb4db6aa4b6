package com.nettoria.ui.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.ui.security.TokenIssuer;
import com.nettoria.ui.support.OrderApiClient;
import com.nettoria.ui.support.OrderApiTest;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.nettoria.ui.support.DemoCatalogueIds.DEBIAN;
import static com.nettoria.ui.support.DemoCatalogueIds.UBUNTU;
import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATACENTER;
import static com.nettoria.ui.support.OrderApiClient.VMS;
import static com.nettoria.ui.support.OrderApiClient.status;
import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a VM and suspending it, over real HTTP against VMware's vCenter simulator: a VM ordered from the demo
 * catalogue is reinstalled and runs again with an address, its snapshots gone; a suspended VM is off in vCenter and
 * refuses its owner, then runs again once unsuspended. Each test looks at what vCenter holds.
 */
@OrderApiTest
class VmLifecycleApiIT {

    private static final Duration OPERATION = Duration.ofSeconds(60);
    private static final String SSH_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@laptop";

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
    String adminId;
    String admin;

    @BeforeEach
    void setUp() {
        http = new WalletApiClient(port);
        orders = new OrderApiClient(http);
        customer = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
        stranger = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
        adminId = "admin-" + UUID.randomUUID();
        admin = tokens.issue(adminId, List.of("ADMIN")).accessToken();
        orders.walletWith(customer, null);
    }

    /** Waits for the operation to end, then checks it ended as {@code status} (a failure shows its reason). */
    private JsonNode awaitOperation(String path, String token, String status) {
        JsonNode operation = await("operation " + path).atMost(OPERATION).pollInterval(Duration.ofMillis(50))
                .until(() -> http.get(path, token), answer -> answer.status() == 200
                        && !answer.json().path("status").asText().equals("REQUESTED")).json();
        assertThat(operation.path("status").asText()).as("%s", operation).isEqualTo(status);
        return operation;
    }

    private VCenter.VmInfo inVcenter(VmId vmId) {
        return vcenter.vmInfo(VCENTER_DATACENTER, vmId.vcenterName())
                .orElseThrow(() -> new AssertionError("vCenter has no VM " + vmId.vcenterName()));
    }

    /** Whether vCenter holds the snapshot: reverting to one it does not have is refused as not found. */
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

    private ApiResponse rebuild(String token, String base, VmId vmId, Map<String, Object> body) {
        return http.post(base + vmId.value() + "/rebuild", token, Map.of(), json(body));
    }

    private ApiResponse suspend(VmId vmId, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return http.post("/api/admin/vms/" + vmId.value() + "/suspend", admin, Map.of(), json(body));
    }

    @Nested
    class Rebuilding {

        @Test
        void aRebuiltVmRunsAgainFromAFreshCloneWithAnAddressItsSnapshotsGone() {
            VmId vmId = orders.runningVm(customer, "web-1");
            String oldRef = inVcenter(vmId).moRef();
            ApiResponse snapshot = http.post(VMS + vmId.value() + "/snapshots", customer, Map.of(),
                    json(Map.of("name", "before rebuild")));
            awaitOperation(snapshot.header("Location"), customer, "SUCCEEDED");
            String snapshotId = snapshot.header(VmController.SNAPSHOT_ID);
            assertThat(vcenterHasSnapshot(vmId, snapshotId)).isTrue();

            ApiResponse accepted = rebuild(customer, VMS, vmId, Map.of("operatingSystemId", UBUNTU));

            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            assertThat(accepted.json().path("kind").asText()).isEqualTo("REBUILD");
            assertThat(accepted.json().path("rootPassword").asText()).hasSize(20);
            JsonNode done = awaitOperation(accepted.header("Location"), customer, "SUCCEEDED");
            assertThat(done.path("finishedAt").isTextual()).isTrue();
            JsonNode vm = orders.awaitVm(customer, vmId.value(), status("ACTIVE")
                    .and(body -> body.path("lastOperation").path("status").asText().equals("SUCCEEDED")));
            VCenter.VmInfo rebuilt = inVcenter(vmId);
            assertThat(rebuilt.moRef()).as("a new VM object in vCenter").isNotEqualTo(oldRef);
            assertThat(rebuilt.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(rebuilt.diskGib()).isEqualTo(vm.path("spec").path("diskGib").asLong());
            assertThat(vm.path("operatingSystemId").asText()).isEqualTo(UBUNTU);
            assertThat(vm.path("powerState").asText()).isEqualTo("ON");
            assertThat(vm.path("ipAddress").asText()).isNotBlank();
            assertThat(http.get(VMS + vmId.value() + "/snapshots", customer).json().path("items")).isEmpty();
            assertThat(vcenterHasSnapshot(vmId, snapshotId)).isFalse();
        }

        @Test
        void theSameIdempotencyKeyAgainAnswersTheSameRebuildWithoutItsPassword() {
            VmId vmId = orders.runningVm(customer, "web-1");
            String key = UUID.randomUUID().toString();
            Map<String, String> headers = Map.of(WalletApiClient.IDEMPOTENCY_KEY, key);

            ApiResponse first = http.post(VMS + vmId.value() + "/rebuild", customer, headers,
                    json(Map.of("sshPublicKey", SSH_KEY)));
            ApiResponse again = http.post(VMS + vmId.value() + "/rebuild", customer, headers,
                    json(Map.of("sshPublicKey", SSH_KEY)));

            assertThat(first.status()).as("%s", first).isEqualTo(202);
            assertThat(first.json().has("rootPassword")).isFalse();
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            awaitOperation(first.header("Location"), customer, "SUCCEEDED");
            assertThat(http.get(VMS + vmId.value() + "/operations", customer).json().path("totalItems").asLong())
                    .isEqualTo(1);
        }

        @Test
        void whileRebuildingOtherActionsAreRefusedAndBadInputNamesItsField() {
            VmId vmId = orders.runningVm(customer, "web-1");

            assertProblem(rebuild(customer, VMS, vmId, Map.of("operatingSystemId", "Not A Slug")), 400,
                    "request.invalid", "operatingSystemId");
            assertProblem(rebuild(customer, VMS, vmId, Map.of("sshPublicKey", "ssh-rsa nonsense")), 400,
                    "request.invalid", "sshPublicKey");
            ApiResponse unknown = rebuild(customer, VMS, vmId, Map.of("operatingSystemId", "windows-95"));
            assertThat(unknown.status()).as("%s", unknown).isEqualTo(422);
            assertThat(unknown.json().path("code").asText()).startsWith("catalogue.");
            assertProblem(rebuild(stranger, VMS, vmId, Map.of()), 404, "vm.not-found", null);

            ApiResponse accepted = rebuild(customer, VMS, vmId, Map.of("operatingSystemId", DEBIAN));
            ApiResponse power = http.post(VMS + vmId.value() + "/power", customer, Map.of(),
                    json(Map.of("action", "off")));

            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            if (power.status() != 202) { // the rebuild may be over already on the simulator
                assertProblem(power, 409, "vm.illegal-state", null);
                assertThat(power.json().path("context").path("status").asText()).isEqualTo("REBUILDING");
            }
            awaitOperation(accepted.header("Location"), customer, "SUCCEEDED");
        }

        @Test
        void anAdministratorRebuildsAnyVmAsTheActor() {
            VmId vmId = orders.runningVm(customer, "web-1");

            ApiResponse accepted = rebuild(admin, "/api/admin/vms/", vmId, Map.of("sshPublicKey", SSH_KEY));

            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            JsonNode done = awaitOperation(accepted.header("Location"), admin, "SUCCEEDED");
            assertThat(done.path("requestedBy").asText()).isEqualTo(adminId);
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        }
    }

    @Nested
    class Suspending {

        @Test
        void aSuspendedVmIsOffInVcenterRefusesItsOwnerAndRunsAgainOnceUnsuspended() {
            VmId vmId = orders.runningVm(customer, "web-1");

            ApiResponse suspended = suspend(vmId, "invoice 1042 unpaid");

            assertThat(suspended.status()).as("%s", suspended).isEqualTo(202);
            assertThat(suspended.json().path("kind").asText()).isEqualTo("SUSPEND");
            JsonNode operation = awaitOperation(suspended.header("Location"), admin, "SUCCEEDED");
            assertThat(operation.path("requestedBy").asText()).isEqualTo(adminId);
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_OFF);
            JsonNode shown = orders.awaitVm(customer, vmId.value(), status("SUSPENDED")
                    .and(body -> body.path("powerState").asText().equals("OFF")));
            assertThat(shown.path("suspensionReason").asText()).isEqualTo("invoice 1042 unpaid");
            assertThat(http.get("/api/vcenter/vms", customer).json().path("items"))
                    .extracting(vm -> vm.path("vmId").asText()).contains(vmId.value());

            ApiResponse powerOn = http.post(VMS + vmId.value() + "/power", customer, Map.of(),
                    json(Map.of("action", "on")));
            assertProblem(powerOn, 409, "vm.suspended", null);
            assertThat(powerOn.json().path("reason").asText()).isEqualTo("invoice 1042 unpaid");
            assertProblem(http.send(HttpMethod.DELETE, VMS + vmId.value(), customer, Map.of(), null), 409,
                    "vm.suspended", null);
            assertProblem(rebuild(customer, VMS, vmId, Map.of()), 409, "vm.suspended", null);
            assertProblem(suspend(vmId, "again"), 409, "vm.illegal-state", null);
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_OFF);

            ApiResponse unsuspended = http.post("/api/admin/vms/" + vmId.value() + "/unsuspend", admin, Map.of(),
                    null);

            assertThat(unsuspended.status()).as("%s", unsuspended).isEqualTo(202);
            awaitOperation(unsuspended.header("Location"), admin, "SUCCEEDED");
            assertThat(inVcenter(vmId).powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
            JsonNode active = orders.awaitVm(customer, vmId.value(), status("ACTIVE")
                    .and(body -> body.path("powerState").asText().equals("ON")));
            assertThat(active.path("suspensionReason").isNull()).isTrue();
            ApiResponse off = http.post(VMS + vmId.value() + "/power", customer, Map.of(),
                    json(Map.of("action", "force-off")));
            assertThat(off.status()).as("%s", off).isEqualTo(202);
        }

        @Test
        void aSuspensionNeedsAReasonAndOnlyAdministratorsSuspend() {
            VmId vmId = orders.runningVm(customer, "web-1");

            assertProblem(suspend(vmId, " "), 400, "request.invalid", "reason");
            assertProblem(suspend(vmId, null), 400, "request.invalid", "reason");
            assertThat(http.post("/api/admin/vms/" + vmId.value() + "/suspend", customer, Map.of(),
                    json(Map.of("reason", "mine"))).status()).isEqualTo(403);
            assertProblem(http.post("/api/admin/vms/" + vmId.value() + "/unsuspend", admin, Map.of(), null), 409,
                    "vm.illegal-state", null);
        }

        @Test
        void anAdministratorMayDeleteASuspendedVm() {
            VmId vmId = orders.runningVm(customer, "web-1");
            awaitOperation(suspend(vmId, "abuse report").header("Location"), admin, "SUCCEEDED");

            ApiResponse deleted = http.send(HttpMethod.DELETE, "/api/admin/vms/" + vmId.value(), admin, Map.of(),
                    null);

            assertThat(deleted.status()).as("%s", deleted).isEqualTo(202);
            awaitOperation(deleted.header("Location"), admin, "SUCCEEDED");
            assertThat(vcenter.findVm(VCENTER_DATACENTER, vmId.vcenterName())).isEmpty();
            orders.awaitVm(customer, vmId.value(), status("DELETED"));
        }
    }
}
