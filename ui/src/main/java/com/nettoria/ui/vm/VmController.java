package com.nettoria.ui.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.DeleteVmCommand;
import com.nettoria.coreapi.vm.FindCustomerVmsQuery;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.RequestVmPowerCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.ui.vm.VmApi.OperationPageResponse;
import com.nettoria.ui.vm.VmApi.OperationResponse;
import com.nettoria.ui.vm.VmApi.PowerRequest;
import com.nettoria.ui.vm.VmApi.VmPageResponse;
import com.nettoria.ui.vm.VmApi.VmResponse;
import com.nettoria.ui.web.IdempotencyKeys;
import com.nettoria.ui.web.RequestCausation;
import com.nettoria.ui.web.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
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
 * The caller's own virtual machines (seed-compatible paths of the old platform, {@code /api/vcenter/vms}): list,
 * look at, power on/off/reset, delete, and follow each operation until vCenter has carried it out. Someone
 * else's VM is answered exactly like a VM that does not exist: 404, never 403.
 */
@RestController
@RequestMapping("/api/vcenter/vms")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Virtual machines", description = "My VMs: state, power, deletion, operations")
public class VmController {

    private static final String DELETED_BY_CUSTOMER = "deleted by the customer";

    private final VmReadModel vms;
    private final VmOperations operations;

    public VmController(VmReadModel vms, VmOperations operations) {
        this.vms = vms;
        this.operations = operations;
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

    private static CustomerId customerOf(Jwt caller) {
        return new CustomerId(caller.getSubject());
    }
}
