package com.nettoria.ui.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.ClearVmSnapshotScheduleCommand;
import com.nettoria.coreapi.vm.DeleteVmCommand;
import com.nettoria.coreapi.vm.DeleteVmSnapshotCommand;
import com.nettoria.coreapi.vm.FindCustomerVmsQuery;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.RenameVmCommand;
import com.nettoria.coreapi.vm.RequestVmPowerCommand;
import com.nettoria.coreapi.vm.RestoreVmSnapshotCommand;
import com.nettoria.coreapi.vm.SetVmSnapshotScheduleCommand;
import com.nettoria.coreapi.vm.SnapshotFrequency;
import com.nettoria.coreapi.vm.TakeVmSnapshotCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmHostnames;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmSnapshotSchedule;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.ui.vm.VmApi.OperationPageResponse;
import com.nettoria.ui.vm.VmApi.OperationResponse;
import com.nettoria.ui.vm.VmApi.PowerRequest;
import com.nettoria.ui.vm.VmApi.RebuildRequest;
import com.nettoria.ui.vm.VmApi.RebuildResponse;
import com.nettoria.ui.vm.VmApi.RenameRequest;
import com.nettoria.ui.vm.VmApi.SnapshotListResponse;
import com.nettoria.ui.vm.VmApi.SnapshotRequest;
import com.nettoria.ui.vm.VmApi.SnapshotResponse;
import com.nettoria.ui.vm.VmApi.SnapshotScheduleRequest;
import com.nettoria.ui.vm.VmApi.SnapshotScheduleResponse;
import com.nettoria.ui.vm.VmApi.VmPageResponse;
import com.nettoria.ui.vm.VmApi.VmResponse;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.IdempotencyKeys;
import com.nettoria.ui.web.RequestCausation;
import com.nettoria.ui.web.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;

/**
 * The caller's own virtual machines (seed-compatible paths of the old platform, {@code /api/vcenter/vms}): list,
 * look at, rename, rebuild, power on/off/reset, delete, take, restore and delete snapshots, and follow each operation
 * until vCenter has carried it out. Someone else's VM is answered exactly like a VM that does not exist: 404, never
 * 403; a VM the platform suspended refuses everything its owner asks (409 vm.suspended, with the reason).
 */
@RestController
@RequestMapping("/api/vcenter/vms")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Virtual machines", description = "My VMs: state, name, power, deletion, snapshots, operations")
public class VmController {

    private static final String DELETED_BY_CUSTOMER = "deleted by the customer";

    /** The response header that names the snapshot a snapshot request takes. */
    static final String SNAPSHOT_ID = "Snapshot-Id";

    private final VmReadModel vms;
    private final VmOperations operations;
    private final CommandGateway commands;

    public VmController(VmReadModel vms, VmOperations operations, CommandGateway commands) {
        this.vms = vms;
        this.operations = operations;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "My VMs, newest first (deleted ones only with includeDeleted=true)")
    public VmPageResponse list(@AuthenticationPrincipal Jwt caller,
                               @RequestParam(defaultValue = "false") boolean includeDeleted,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return VmPageResponse.of(vms.page(new FindCustomerVmsQuery(customerOf(caller), includeDeleted, page, size)));
    }

    @GetMapping("/{vmId}")
    @Operation(summary = "One of my VMs: status, power state, address, provisioning progress, last operation")
    public VmResponse vm(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId) {
        return VmResponse.of(vms.mine(customerOf(caller), VmReadModel.vmId(vmId)));
    }

    @PostMapping("/{vmId}/power")
    @Operation(summary = "Power my VM on, off (graceful), reset or force-off",
            description = "202 Accepted with the Location of the operation; vCenter carries it out, and the "
                    + "operation's status says how it ended. With an Idempotency-Key the same key names the same "
                    + "operation (answered again, Idempotent-Replayed: true); without one every request is new. "
                    + "409 vm.illegal-state when the VM cannot do it now (provisioning, suspended, failed, deleted).")
    public ResponseEntity<?> power(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                   @PathVariable String vmId,
                                   @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                   @RequestBody PowerRequest body) {
        VmId id = VmReadModel.vmId(vmId);
        PowerAction action = RequestValues.requiredEnum(PowerAction.class, body.action(), "action");
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, id);
        String operationId = VmOperations.operationId(customer.value(), id, idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.of(action), operationId,
                RequestCausation.customerRequest(caller, request, idempotencyKey),
                operation -> new RequestVmPowerCommand(vm.vmId(), customer, operation, action),
                operationsPath(vm.vmId()), false);
    }

    @DeleteMapping("/{vmId}")
    @Operation(summary = "Delete my VM: destroyed in vCenter, billing stops",
            description = "202 Accepted with the Location of the operation. Refused (409) while it is provisioning.")
    public ResponseEntity<?> delete(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                    @PathVariable String vmId,
                                    @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        String operationId = VmOperations.operationId(customer.value(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.DELETE, operationId,
                RequestCausation.customerRequest(caller, request, idempotencyKey),
                operation -> new DeleteVmCommand(vm.vmId(), customer, operation, DELETED_BY_CUSTOMER),
                operationsPath(vm.vmId()), false);
    }

    @PatchMapping("/{vmId}")
    @Operation(summary = "Rename my VM: its host name (an RFC 1123 label); its vCenter name stays",
            description = "200 with the VM. The current name again changes nothing. 400 vm.invalid-hostname for a "
                    + "name that is not a label; 409 vm.illegal-state for a deleted VM.")
    public VmResponse rename(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                             @PathVariable String vmId, @RequestBody RenameRequest body) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        String hostname = body == null ? null : body.hostname();
        if (!VmHostnames.valid(hostname)) {
            throw ApiProblem.badRequest("hostname",
                    "a host name is an RFC 1123 label: 1 to 63 lower-case letters, digits and inner hyphens");
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RenameVmCommand(vm.vmId(), customer, hostname))
                .withMetaData(RequestCausation.customerRequest(caller, request, null)));
        return VmResponse.of(vms.awaitVm(vm.vmId(), shown -> hostname.equals(shown.hostname())));
    }

    @PostMapping("/{vmId}/rebuild")
    @Operation(summary = "Rebuild my VM: reinstall it from an operating system's template, same size and name",
            description = "202 Accepted with the Location of the operation; the VM is REBUILDING until it ends, "
                    + "then ACTIVE (with the failure on the operation if vCenter could not finish: rebuild again). "
                    + "Its snapshots are gone and its IP address may change. Without an sshPublicKey the answer "
                    + "holds the generated rootPassword, this once. Idempotency-Key as for power actions. 422 "
                    + "catalogue.* for an operating system not offered in the VM's datacenter; 409 vm.illegal-state "
                    + "when the VM is not active, vm.operation-pending while another operation is under way, "
                    + "vm.suspended when the platform suspended it.")
    public ResponseEntity<?> rebuild(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                     @PathVariable String vmId,
                                     @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                     @RequestBody(required = false) RebuildRequest body) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        RebuildAsked asked = RebuildAsked.of(body);
        String operationId = VmOperations.operationId(customer.value(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.REBUILD, operationId,
                RequestCausation.customerRequest(caller, request, idempotencyKey),
                operation -> asked.command(vm.vmId(), customer, operation), operationsPath(vm.vmId()), false,
                RebuildResponse::of);
    }

    @GetMapping("/{vmId}/snapshots")
    @Operation(summary = "My VM's snapshots, oldest first: being taken, available, or being deleted")
    public SnapshotListResponse snapshots(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId) {
        VmView vm = vms.mine(customerOf(caller), VmReadModel.vmId(vmId));
        return new SnapshotListResponse(vms.snapshots(vm.vmId()).stream().map(SnapshotResponse::of).toList(),
                VmSnapshots.LIMIT);
    }

    @PostMapping("/{vmId}/snapshots")
    @Operation(summary = "Take a snapshot of my VM (a manual backup, without memory)",
            description = "202 Accepted with the Location of the operation and the new snapshot's id in the "
                    + "Snapshot-Id header; the snapshot is listed at once (CREATING) and AVAILABLE once vCenter took "
                    + "it. Idempotency-Key as for power actions. 400 vm.invalid-snapshot for a name that is not 1 to "
                    + "64 characters; 409 vm.snapshot-limit beyond " + VmSnapshots.LIMIT + " snapshots; 409 "
                    + "vm.illegal-state when the VM is not active.")
    public ResponseEntity<?> takeSnapshot(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                          @PathVariable String vmId,
                                          @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                          @RequestBody SnapshotRequest body) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        String name = body == null ? null : body.name();
        String description = body == null ? null : body.description();
        if (!VmSnapshots.validName(name)) {
            throw ApiProblem.badRequest("name", "a snapshot name is 1 to " + VmSnapshots.NAME_MAX_LENGTH
                    + " characters, not only blanks, without control characters");
        }
        if (!VmSnapshots.validDescription(description)) {
            throw ApiProblem.badRequest("description", "a snapshot description is at most "
                    + VmSnapshots.DESCRIPTION_MAX_LENGTH + " characters without control characters");
        }
        String operationId = VmOperations.operationId(customer.value(), vm.vmId(), idempotencyKey);
        ResponseEntity<?> accepted = operations.request(vm.vmId(), VmOperationKind.SNAPSHOT, operationId,
                RequestCausation.customerRequest(caller, request, idempotencyKey),
                operation -> new TakeVmSnapshotCommand(vm.vmId(), customer, operation, name, description),
                operationsPath(vm.vmId()), false);
        return ResponseEntity.status(accepted.getStatusCode()).headers(accepted.getHeaders())
                .header(SNAPSHOT_ID, VmSnapshots.idFor(vm.vmId(), operationId)).body(accepted.getBody());
    }

    @PostMapping("/{vmId}/snapshots/{snapshotId}/restore")
    @Operation(summary = "Revert my VM to one of its snapshots",
            description = "202 Accepted with the Location of the operation. 404 vm.snapshot-not-found for a "
                    + "snapshot the VM does not have (or is still taking or deleting); 409 vm.illegal-state when the "
                    + "VM is not active.")
    public ResponseEntity<?> restoreSnapshot(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                             @PathVariable String vmId, @PathVariable String snapshotId,
                                             @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        String snapshot = VmReadModel.snapshotId(snapshotId);
        String operationId = VmOperations.operationId(customer.value(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.RESTORE_SNAPSHOT, operationId,
                RequestCausation.customerRequest(caller, request, idempotencyKey),
                operation -> new RestoreVmSnapshotCommand(vm.vmId(), customer, operation, snapshot),
                operationsPath(vm.vmId()), false);
    }

    @DeleteMapping("/{vmId}/snapshots/{snapshotId}")
    @Operation(summary = "Delete one of my VM's snapshots",
            description = "202 Accepted with the Location of the operation; the snapshot is listed as DELETING "
                    + "until vCenter removed it. 404 vm.snapshot-not-found for a snapshot the VM does not have.")
    public ResponseEntity<?> deleteSnapshot(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                            @PathVariable String vmId, @PathVariable String snapshotId,
                                            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        String snapshot = VmReadModel.snapshotId(snapshotId);
        String operationId = VmOperations.operationId(customer.value(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.DELETE_SNAPSHOT, operationId,
                RequestCausation.customerRequest(caller, request, idempotencyKey),
                operation -> new DeleteVmSnapshotCommand(vm.vmId(), customer, operation, snapshot),
                operationsPath(vm.vmId()), false);
    }

    @GetMapping("/{vmId}/snapshot-schedule")
    @Operation(summary = "My VM's backup schedule: when it takes automatic snapshots, how many it keeps, "
            + "the next slot and why the last one was skipped (if it was)",
            description = "404 vm.snapshot-schedule-not-found when the VM has none.")
    public SnapshotScheduleResponse snapshotSchedule(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId) {
        VmView vm = vms.mine(customerOf(caller), VmReadModel.vmId(vmId));
        return vms.snapshotSchedule(vm.vmId()).map(SnapshotScheduleResponse::of)
                .orElseThrow(() -> VmReadModel.snapshotScheduleNotFound(vm.vmId()));
    }

    @PutMapping("/{vmId}/snapshot-schedule")
    @Operation(summary = "Back my VM up on a schedule (replacing the one it has)",
            description = "A snapshot every day, or every week on dayOfWeek, at timeOfDay (HH:mm, UTC), named after "
                    + "its slot (auto-2026-11-28T03:00Z); once one is taken, the oldest automatic snapshots beyond "
                    + "retain (1 to " + VmSnapshotSchedule.MAX_RETAIN + ") are deleted. Manual snapshots are never "
                    + "deleted and keep their own limit. 200 with the schedule. 400 request.invalid naming the "
                    + "field; 409 vm.illegal-state when the VM is not active.")
    public SnapshotScheduleResponse setSnapshotSchedule(@AuthenticationPrincipal Jwt caller,
                                                        HttpServletRequest request, @PathVariable String vmId,
                                                        @RequestBody SnapshotScheduleRequest body) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        VmSnapshotSchedule schedule = snapshotSchedule(body);
        schedule.violation().ifPresent(violation -> {
            throw ApiProblem.badRequest(violation.field(), violation.message());
        });
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new SetVmSnapshotScheduleCommand(vm.vmId(), customer, schedule))
                .withMetaData(RequestCausation.customerRequest(caller, request, null)));
        return vms.awaitSnapshotSchedule(vm.vmId(), shown -> shown.filter(view -> view.frequency()
                        == schedule.frequency() && view.timeOfDay().equals(schedule.timeOfDay())
                        && view.dayOfWeek() == schedule.dayOfWeek() && view.retain() == schedule.retain()).isPresent())
                .map(SnapshotScheduleResponse::of).orElseThrow(() -> VmReadModel.snapshotScheduleNotFound(vm.vmId()));
    }

    @DeleteMapping("/{vmId}/snapshot-schedule")
    @Operation(summary = "Stop backing my VM up on a schedule",
            description = "204; its automatic snapshots stay until deleted. A VM without a schedule: 204 as well.")
    public ResponseEntity<Void> clearSnapshotSchedule(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                                      @PathVariable String vmId) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ClearVmSnapshotScheduleCommand(vm.vmId(), customer))
                .withMetaData(RequestCausation.customerRequest(caller, request, null)));
        vms.awaitSnapshotSchedule(vm.vmId(), shown -> shown.isEmpty());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{vmId}/operations")
    @Operation(summary = "The operations asked for on my VM, newest first")
    public OperationPageResponse operations(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId,
                                            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        VmView vm = vms.mine(customerOf(caller), VmReadModel.vmId(vmId));
        return OperationPageResponse.of(vms.operations(vm.vmId(), page, size), false);
    }

    @GetMapping("/{vmId}/operations/{operationId}")
    @Operation(summary = "One operation on my VM: requested, succeeded or failed (with why)")
    public OperationResponse operation(@AuthenticationPrincipal Jwt caller, @PathVariable String vmId,
                                       @PathVariable String operationId) {
        VmView vm = vms.mine(customerOf(caller), VmReadModel.vmId(vmId));
        String id = VmReadModel.operationId(operationId);
        return vms.operation(vm.vmId(), id).map(operation -> OperationResponse.of(operation, false))
                .orElseThrow(() -> VmReadModel.operationNotFound(vm.vmId(), id));
    }

    static String operationsPath(VmId vmId) {
        return "/api/vcenter/vms/" + vmId.value() + "/operations/";
    }

    /** The schedule a request asks for; 400 naming the field for a value of the wrong kind. */
    private static VmSnapshotSchedule snapshotSchedule(SnapshotScheduleRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("frequency", "a backup schedule is required");
        }
        SnapshotFrequency frequency = RequestValues.requiredEnum(SnapshotFrequency.class, body.frequency(),
                "frequency");
        DayOfWeek day = RequestValues.optionalEnum(DayOfWeek.class, body.dayOfWeek(),
                "dayOfWeek");
        if (body.retain() == null) {
            throw ApiProblem.badRequest("retain", "retain is required: 1 to " + VmSnapshotSchedule.MAX_RETAIN);
        }
        return new VmSnapshotSchedule(frequency, body.timeOfDay(), day, body.retain());
    }

    private static CustomerId customerOf(Jwt caller) {
        return new CustomerId(caller.getSubject());
    }
}
