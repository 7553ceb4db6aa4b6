package com.nettoria.ui.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmSnapshotSchedule;
import com.nettoria.coreapi.vm.VmSnapshots;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATACENTER;
import static com.nettoria.ui.support.OrderApiClient.VMS;
import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.WalletApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backups on a schedule over real HTTP, on VMware's vCenter simulator: the owner sets a schedule, each slot's
 * persistent deadline (db-scheduler's row, brought forward to now rather than waited for) takes an automatic
 * snapshot in vCenter, and retention deletes the oldest automatic one beyond {@code retain} while the owner's manual
 * snapshot stays.
 */
@OrderApiTest
class VmBackupScheduleApiIT {

    private static final Duration READ_MODEL = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    VCenter vcenter;

    @Autowired
    JdbcTemplate jdbc;

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

    private static String schedulePath(VmId vmId) {
        return VMS + vmId.value() + "/snapshot-schedule";
    }

    private ApiResponse setSchedule(String token, VmId vmId, Map<String, Object> body) {
        return http.send(HttpMethod.PUT, schedulePath(vmId), token, Map.of(), json(body));
    }

    private static Map<String, Object> daily(Object timeOfDay, Object retain) {
        Map<String, Object> body = new HashMap<>();
        body.put("frequency", "daily");
        body.put("timeOfDay", timeOfDay);
        body.put("retain", retain);
        return body;
    }

    private JsonNode snapshots(VmId vmId) {
        return http.get(VMS + vmId.value() + "/snapshots", customer).json().path("items");
    }

    /**
     * Runs the slot's persistent deadline now: its db-scheduler row (due at the slot, naming the VM) is brought
     * forward, db-scheduler fires it as it would at the slot, and the schedule shows the slot came due.
     */
    private JsonNode fireDeadline(VmId vmId, Instant slot) {
        int moved = jdbc.update("""
                UPDATE scheduled_tasks SET execution_time = now()
                 WHERE execution_time = ? AND NOT picked AND position(? IN task_data) > 0""",
                Timestamp.from(slot), vmId.value().getBytes(StandardCharsets.UTF_8));
        assertThat(moved).as("the persistent deadline of %s at %s", vmId, slot).isEqualTo(1);
        return await("slot " + slot).atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get(schedulePath(vmId), customer).json(),
                        schedule -> slot.toString().equals(schedule.path("lastSlot").asText()));
    }

    private JsonNode awaitSnapshots(VmId vmId, int available, int total) {
        return await("snapshots of " + vmId).atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> snapshots(vmId), items -> items.size() == total && count(items, "AVAILABLE") == available);
    }

    private static long count(JsonNode items, String status) {
        long n = 0;
        for (JsonNode item : items) {
            n += status.equals(item.path("status").asText()) ? 1 : 0;
        }
        return n;
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

    @Test
    void eachSlotTakesAnAutomaticSnapshotAndRetentionDeletesTheOldestButNeverAManualOne() {
        VmId vmId = orders.runningVm(customer, "db-1");
        ApiResponse manual = http.post(VMS + vmId.value() + "/snapshots", customer, Map.of(),
                json(Map.of("name", "before upgrade")));
        assertThat(manual.status()).as("%s", manual).isEqualTo(202);
        String manualId = manual.header(VmController.SNAPSHOT_ID);
        awaitSnapshots(vmId, 1, 1);

        ApiResponse set = setSchedule(customer, vmId, daily("03:00", 2));

        assertThat(set.status()).as("%s", set).isEqualTo(200);
        JsonNode schedule = set.json();
        assertThat(schedule.path("frequency").asText()).isEqualTo("DAILY");
        assertThat(schedule.path("timeOfDay").asText()).isEqualTo("03:00");
        assertThat(schedule.path("retain").asInt()).isEqualTo(2);
        Instant first = Instant.parse(schedule.path("nextSlot").asText());
        assertThat(first).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
        assertThat(first.toString()).endsWith("T03:00:00Z");
        assertThat(http.get(schedulePath(vmId), customer).json().path("nextSlot").asText()).isEqualTo(first.toString());

        Instant second = Instant.parse(fireDeadline(vmId, first).path("nextSlot").asText());
        assertThat(second).isEqualTo(first.plus(Duration.ofDays(1)));
        JsonNode afterFirst = awaitSnapshots(vmId, 2, 2);
        JsonNode automatic = afterFirst.get(1);
        assertThat(automatic.path("kind").asText()).isEqualTo("SCHEDULED");
        assertThat(automatic.path("name").asText()).isEqualTo(VmSnapshotSchedule.snapshotName(first));
        assertThat(afterFirst.get(0).path("kind").asText()).isEqualTo("MANUAL");
        String firstId = automatic.path("snapshotId").asText();
        assertThat(firstId).isEqualTo(VmSnapshots.idFor(vmId, VmSnapshotSchedule.operationId(first)));
        assertThat(vcenterHasSnapshot(vmId, firstId)).isTrue();
        assertThat(http.get(VMS + vmId.value() + "/operations/" + VmSnapshotSchedule.operationId(first), customer)
                .json().path("kind").asText()).isEqualTo("SNAPSHOT");

        Instant third = Instant.parse(fireDeadline(vmId, second).path("nextSlot").asText());
        awaitSnapshots(vmId, 3, 3);
        fireDeadline(vmId, third);

        JsonNode kept = await("retention").atMost(READ_MODEL).pollInterval(Duration.ofMillis(100))
                .until(() -> snapshots(vmId), items -> items.size() == 3 && count(items, "AVAILABLE") == 3
                        && items.findValuesAsText("snapshotId").stream().noneMatch(firstId::equals));
        assertThat(kept.findValuesAsText("name")).containsExactly("before upgrade",
                VmSnapshotSchedule.snapshotName(second), VmSnapshotSchedule.snapshotName(third));
        assertThat(kept.findValuesAsText("kind")).containsExactly("MANUAL", "SCHEDULED", "SCHEDULED");
        assertThat(vcenterHasSnapshot(vmId, firstId)).isFalse();
        assertThat(vcenterHasSnapshot(vmId, manualId)).isTrue();

        assertThat(http.send(HttpMethod.DELETE, schedulePath(vmId), customer, Map.of(), null).status()).isEqualTo(204);
        assertProblem(http.get(schedulePath(vmId), customer), 404, "vm.snapshot-schedule-not-found", null);
        assertThat(snapshots(vmId)).hasSize(3);
    }

    @Test
    void aScheduleThatBreaksTheRulesIsRefusedNamingTheField() {
        VmId vmId = orders.runningVm(customer, "db-2");

        assertProblem(setSchedule(customer, vmId, daily("03:00", 0)), 400, "request.invalid", "retain");
        assertProblem(setSchedule(customer, vmId, daily("03:00", VmSnapshotSchedule.MAX_RETAIN + 1)), 400,
                "request.invalid", "retain");
        assertProblem(setSchedule(customer, vmId, daily("03:00", null)), 400, "request.invalid", "retain");
        assertProblem(setSchedule(customer, vmId, daily("3 am", 2)), 400, "request.invalid", "timeOfDay");
        assertProblem(setSchedule(customer, vmId, daily("03:00", "many")), 400, "request.malformed", "retain");
        assertProblem(setSchedule(customer, vmId, Map.of("frequency", "hourly", "timeOfDay", "03:00", "retain", 2)),
                400, "request.invalid", "frequency");
        assertProblem(setSchedule(customer, vmId, Map.of("frequency", "weekly", "timeOfDay", "03:00", "retain", 2)),
                400, "request.invalid", "dayOfWeek");
        assertProblem(setSchedule(customer, vmId, Map.of("frequency", "weekly", "timeOfDay", "03:00",
                "dayOfWeek", "someday", "retain", 2)), 400, "request.invalid", "dayOfWeek");
        assertProblem(http.get(schedulePath(vmId), customer), 404, "vm.snapshot-schedule-not-found", null);

        ApiResponse weekly = setSchedule(customer, vmId, Map.of("frequency", "weekly", "timeOfDay", "23:30",
                "dayOfWeek", "sunday", "retain", 4));
        assertThat(weekly.status()).as("%s", weekly).isEqualTo(200);
        assertThat(weekly.json().path("dayOfWeek").asText()).isEqualTo("SUNDAY");
        assertThat(weekly.json().path("nextSlot").asText()).endsWith("T23:30:00Z");
    }

    @Test
    void someoneElsesVmHasNoScheduleToSeeSetOrClear() {
        VmId vmId = orders.runningVm(customer, "db-3");
        assertThat(setSchedule(customer, vmId, daily("03:00", 2)).status()).isEqualTo(200);

        assertProblem(http.get(schedulePath(vmId), stranger), 404, "vm.not-found", null);
        assertProblem(setSchedule(stranger, vmId, daily("04:00", 1)), 404, "vm.not-found", null);
        assertProblem(http.send(HttpMethod.DELETE, schedulePath(vmId), stranger, Map.of(), null), 404,
                "vm.not-found", null);
        assertThat(http.get(schedulePath(vmId), customer).json().path("timeOfDay").asText()).isEqualTo("03:00");
    }
}
