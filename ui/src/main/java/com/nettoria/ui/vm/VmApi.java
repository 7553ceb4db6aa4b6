package com.nettoria.ui.vm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.vm.VmOperationPage;
import com.nettoria.coreapi.vm.VmOperationSummary;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.coreapi.vm.VmPage;
import com.nettoria.coreapi.vm.VmSnapshotScheduleView;
import com.nettoria.coreapi.vm.VmRebuildAccepted;
import com.nettoria.coreapi.vm.VmSnapshotView;
import com.nettoria.coreapi.vm.VmView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The VM API's request and response bodies. */
final class VmApi {

    private VmApi() {
    }

    record PowerRequest(@Schema(example = "reset", description = "on, off (graceful, then hard after a grace "
            + "period), reset or force-off; any case") String action) {
    }

    record SnapshotRequest(@Schema(example = "before upgrade", description = "1 to 64 characters") String name,
                           @Schema(example = "debian 12.7, before apt full-upgrade",
                                   description = "optional, at most 255 characters") String description) {
    }

    record RenameRequest(@Schema(example = "db-2", description = "an RFC 1123 label: 1 to 63 lower-case letters, "
            + "digits and inner hyphens") String hostname) {
    }

    record RebuildRequest(@Schema(example = "ubuntu-24", description = "optional: the operating system to install "
                                  + "(GET /api/services); the VM's own by default") String operatingSystemId,
                          @Schema(example = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… me@laptop",
                                  description = "optional: root's OpenSSH public key; without one a root password "
                                          + "is generated and shown once") String sshPublicKey) {
    }

    record SuspendRequest(@Schema(example = "invoice 1042 unpaid", description = "why, shown to the owner: 1 to "
            + "255 characters") String reason) {
    }

    /** A rebuild accepted: the operation, and the generated root password the first time (never again). */
    record RebuildResponse(@JsonUnwrapped Object operation,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String rootPassword) {

        static Object of(Object operation, Object answered) {
            return new RebuildResponse(operation,
                    answered instanceof VmRebuildAccepted accepted ? accepted.rootPassword() : null);
        }
    }

    /**
     * A snapshot: CREATING while vCenter takes it, AVAILABLE, DELETING while vCenter removes it; {@code kind} MANUAL
     * (its owner's) or SCHEDULED (the backup schedule's).
     */
    record SnapshotResponse(String snapshotId, String vmId, String name, String description, String status,
                            String operationId, Instant requestedAt, Instant takenAt, Instant restoredAt,
                            String kind) {

        static SnapshotResponse of(VmSnapshotView view) {
            return new SnapshotResponse(view.snapshotId(), view.vmId().value(), view.name(), view.description(),
                    view.status().name(), view.operationId(), view.requestedAt(), view.takenAt(), view.restoredAt(),
                    view.kind().name());
        }
    }

    record SnapshotScheduleRequest(
            @Schema(example = "daily", description = "daily or weekly; any case") String frequency,
            @Schema(example = "03:00", description = "HH:mm, UTC") String timeOfDay,
            @Schema(example = "sunday", description = "a weekly schedule's day (monday to sunday); none for daily")
            String dayOfWeek,
            @Schema(example = "7", description = "how many automatic snapshots to keep, 1 to 7") Integer retain) {
    }

    /** A backup schedule, the slot it waits for, and what became of the last slot (why it was skipped, if it was). */
    record SnapshotScheduleResponse(String vmId, String frequency, String timeOfDay, String dayOfWeek, int retain,
                                    Instant nextSlot, Instant lastSlot, String lastSkipReason, Instant updatedAt) {

        static SnapshotScheduleResponse of(VmSnapshotScheduleView view) {
            return new SnapshotScheduleResponse(view.vmId().value(), view.frequency().name(), view.timeOfDay(),
                    view.dayOfWeek() == null ? null : view.dayOfWeek().name(), view.retain(), view.nextSlot(),
                    view.lastSlot(), view.lastSkipReason(), view.updatedAt());
        }
    }

    record SnapshotListResponse(List<SnapshotResponse> items, int limit) {
    }

    record Size(int vcpus, int memoryMib, int diskGib, int trafficGib) {

        static Size of(VmSpec spec) {
            return new Size(spec.vcpus(), spec.memoryMib(), spec.diskGib(), spec.trafficGib());
        }
    }

    /** How far provisioning got: the last step reached, or the step that failed and why. */
    record Provisioning(String step, String failureCode, String failureReason) {
    }

    record LastOperation(String operationId, String kind, String status, String code, Instant at) {

        static LastOperation of(VmOperationSummary summary) {
            return summary == null ? null : new LastOperation(summary.operationId(), summary.kind().name(),
                    summary.status().name(), summary.code(), summary.changedAt());
        }
    }

    record VmResponse(String vmId, String orderId, String customerId, String hostname, String planId, Size spec,
                      String period, String datacenterId, String operatingSystemId, String status,
                      String powerState, String ipAddress, String vcenterName, Provisioning provisioning,
                      Instant createdAt, Instant provisionedAt, Instant deletedAt, Instant updatedAt,
                      LastOperation lastOperation, String suspensionReason) {

        static VmResponse of(VmView view) {
            return new VmResponse(view.vmId().value(), view.orderId().value(), view.customerId().value(),
                    view.hostname(), view.planId() == null ? null : view.planId().value(), Size.of(view.spec()),
                    view.period().name(), view.datacenterId().value(), view.operatingSystemId().value(),
                    view.status().name(), view.powerState().name(), view.ipAddress(), view.vcenterName(),
                    new Provisioning(view.provisioningStep().name(), view.failureCode(), view.failureReason()),
                    view.createdAt(), view.provisionedAt(), view.deletedAt(), view.updatedAt(),
                    LastOperation.of(view.lastOperation()), view.suspensionReason());
        }
    }

    record VmPageResponse(List<VmResponse> items, int page, int size, long totalItems, int totalPages) {

        static VmPageResponse of(VmPage page) {
            return new VmPageResponse(page.items().stream().map(VmResponse::of).toList(), page.page(), page.size(),
                    page.totalItems(), pageCount(page.totalItems(), page.size()));
        }
    }

    /** An operation; {@code requestedBy} only in the administrators' answers. */
    record OperationResponse(String operationId, String vmId, String kind, String status, String code,
                             String reason, @JsonInclude(JsonInclude.Include.NON_NULL) String requestedBy,
                             Instant requestedAt, Instant finishedAt) {

        static OperationResponse of(VmOperationView view, boolean withRequester) {
            return new OperationResponse(view.operationId(), view.vmId().value(), view.kind().name(),
                    view.status().name(), view.code(), view.reason(), withRequester ? view.requestedBy() : null,
                    view.requestedAt(), view.finishedAt());
        }
    }

    record OperationPageResponse(List<OperationResponse> items, int page, int size, long totalItems,
                                 int totalPages) {

        static OperationPageResponse of(VmOperationPage page, boolean withRequester) {
            return new OperationPageResponse(page.items().stream()
                    .map(operation -> OperationResponse.of(operation, withRequester)).toList(), page.page(),
                    page.size(), page.totalItems(), pageCount(page.totalItems(), page.size()));
        }
    }

    /** Requested, but the operations read model had not caught up within the wait. */
    record AcceptedOperation(String operationId, String vmId, String kind, String status) {
    }

    private static int pageCount(long totalItems, int size) {
        return (int) ((totalItems + size - 1) / size);
    }
}
