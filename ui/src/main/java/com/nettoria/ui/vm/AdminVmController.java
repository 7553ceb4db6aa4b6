package com.nettoria.ui.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.DeleteVmCommand;
import com.nettoria.coreapi.vm.FindVmsQuery;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.RequestVmPowerCommand;
import com.nettoria.coreapi.vm.SuspendVmCommand;
import com.nettoria.coreapi.vm.UnsuspendVmCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmStatus;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.ui.vm.VmApi.OperationPageResponse;
import com.nettoria.ui.vm.VmApi.OperationResponse;
import com.nettoria.ui.vm.VmApi.PowerRequest;
import com.nettoria.ui.vm.VmApi.RebuildRequest;
import com.nettoria.ui.vm.VmApi.RebuildResponse;
import com.nettoria.ui.vm.VmApi.SuspendRequest;
import com.nettoria.ui.vm.VmApi.VmPageResponse;
import com.nettoria.ui.vm.VmApi.VmResponse;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.IdempotencyKeys;
import com.nettoria.ui.web.RequestCausation;
import com.nettoria.ui.web.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators look at everyone's VMs, change their power, rebuild or delete them on the customer's behalf, and
 * suspend and unsuspend them (the commands name no customer; the causation metadata names the administrator, cause
 * {@code admin-request}, and the operations read model shows who asked).
 */
@RestController
@RequestMapping("/api/admin/vms")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: virtual machines")
public class AdminVmController {

    private static final String DELETED_BY_ADMINISTRATOR = "deleted by an administrator";

    private final VmReadModel vms;
    private final VmOperations operations;

    public AdminVmController(VmReadModel vms, VmOperations operations) {
        this.vms = vms;
        this.operations = operations;
    }

    @GetMapping
    @Operation(summary = "Everyone's VMs, newest first; filter by status and customer")
    public VmPageResponse list(@Parameter(description = "PROVISIONING, ACTIVE, SUSPENDED, REBUILDING, FAILED or DELETED")
                               @RequestParam(required = false) String status,
                               @Parameter(description = "the customer's user id")
                               @RequestParam(required = false) String customerId,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        VmStatus filter = RequestValues.optionalEnum(VmStatus.class, status, "status");
        String customer = RequestValues.optionalText(customerId, "customerId", 255);
        return VmPageResponse.of(vms.page(new FindVmsQuery(filter, customer == null ? null : new CustomerId(customer),
                page, size)));
    }

    @GetMapping("/{vmId}")
    @Operation(summary = "Any one VM")
    public VmResponse vm(@PathVariable String vmId) {
        return VmResponse.of(vms.any(VmReadModel.vmId(vmId)));
    }

    @PostMapping("/{vmId}/power")
    @Operation(summary = "Power any VM on, off, reset or force-off on its owner's behalf",
            description = "Same contract as the customer's POST /api/vcenter/vms/{id}/power.")
    public ResponseEntity<?> power(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                   @PathVariable String vmId,
                                   @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                   @RequestBody PowerRequest body) {
        VmId id = VmReadModel.vmId(vmId);
        PowerAction action = RequestValues.requiredEnum(PowerAction.class, body.action(), "action");
        VmView vm = vms.any(id);
        String operationId = VmOperations.operationId(caller.getSubject(), id, idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.of(action), operationId,
                RequestCausation.adminRequest(caller, request, idempotencyKey),
                operation -> new RequestVmPowerCommand(vm.vmId(), null, operation, action),
                operationsPath(vm), true);
    }

    @PostMapping("/{vmId}/rebuild")
    @Operation(summary = "Rebuild any VM on its owner's behalf",
            description = "Same contract as the customer's POST /api/vcenter/vms/{id}/rebuild.")
    public ResponseEntity<?> rebuild(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                     @PathVariable String vmId,
                                     @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                     @RequestBody(required = false) RebuildRequest body) {
        VmView vm = vms.any(VmReadModel.vmId(vmId));
        RebuildAsked asked = RebuildAsked.of(body);
        String operationId = VmOperations.operationId(caller.getSubject(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.REBUILD, operationId,
                RequestCausation.adminRequest(caller, request, idempotencyKey),
                operation -> asked.command(vm.vmId(), null, operation), operationsPath(vm), true,
                RebuildResponse::of);
    }

    @PostMapping("/{vmId}/suspend")
    @Operation(summary = "Suspend an active VM: powered off at once (hard), its owner can do nothing with it",
            description = "202 Accepted with the Location of the operation; the VM is SUSPENDED at once, with the "
                    + "reason shown to its owner. 400 naming reason without one (1 to 255 characters); 409 "
                    + "vm.illegal-state when the VM is not active (already suspended, rebuilding, deleted...).")
    public ResponseEntity<?> suspend(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                     @PathVariable String vmId,
                                     @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                     @RequestBody(required = false) SuspendRequest body) {
        VmView vm = vms.any(VmReadModel.vmId(vmId));
        String reason = body == null || body.reason() == null ? null : body.reason().strip();
        if (reason == null || reason.isEmpty() || reason.length() > 255) {
            throw ApiProblem.badRequest("reason", "a suspension needs a reason of 1 to 255 characters, shown to "
                    + "the VM's owner");
        }
        String operationId = VmOperations.operationId(caller.getSubject(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.SUSPEND, operationId,
                RequestCausation.adminRequest(caller, request, idempotencyKey),
                operation -> new SuspendVmCommand(vm.vmId(), operation, reason), operationsPath(vm), true);
    }

    @PostMapping("/{vmId}/unsuspend")
    @Operation(summary = "Give a suspended VM back to its owner: ACTIVE, and powered on if it was on",
            description = "202 Accepted with the Location of the operation. 409 vm.illegal-state when the VM is "
                    + "not suspended.")
    public ResponseEntity<?> unsuspend(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                       @PathVariable String vmId,
                                       @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        VmView vm = vms.any(VmReadModel.vmId(vmId));
        String operationId = VmOperations.operationId(caller.getSubject(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.UNSUSPEND, operationId,
                RequestCausation.adminRequest(caller, request, idempotencyKey),
                operation -> new UnsuspendVmCommand(vm.vmId(), operation), operationsPath(vm), true);
    }

    @DeleteMapping("/{vmId}")
    @Operation(summary = "Delete any VM, a suspended one too (terminate): destroyed in vCenter, billing stops",
            description = "202 Accepted with the Location of the operation. 409 vm.illegal-state while it is "
                    + "provisioning or rebuilding.")
    public ResponseEntity<?> delete(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                    @PathVariable String vmId,
                                    @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        VmView vm = vms.any(VmReadModel.vmId(vmId));
        String operationId = VmOperations.operationId(caller.getSubject(), vm.vmId(), idempotencyKey);
        return operations.request(vm.vmId(), VmOperationKind.DELETE, operationId,
                RequestCausation.adminRequest(caller, request, idempotencyKey),
                operation -> new DeleteVmCommand(vm.vmId(), null, operation, DELETED_BY_ADMINISTRATOR),
                operationsPath(vm), true);
    }

    @GetMapping("/{vmId}/operations")
    @Operation(summary = "The operations asked for on any VM, newest first, with who asked")
    public OperationPageResponse operations(@PathVariable String vmId,
                                            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        VmView vm = vms.any(VmReadModel.vmId(vmId));
        return OperationPageResponse.of(vms.operations(vm.vmId(), page, size), true);
    }

    @GetMapping("/{vmId}/operations/{operationId}")
    @Operation(summary = "One operation on any VM")
    public OperationResponse operation(@PathVariable String vmId, @PathVariable String operationId) {
        VmView vm = vms.any(VmReadModel.vmId(vmId));
        String id = VmReadModel.operationId(operationId);
        return vms.operation(vm.vmId(), id).map(operation -> OperationResponse.of(operation, true))
                .orElseThrow(() -> VmReadModel.operationNotFound(vm.vmId(), id));
    }

    private static String operationsPath(VmView vm) {
        return "/api/admin/vms/" + vm.vmId().value() + "/operations/";
    }
}
