package com.nettoria.ui.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.QuoteVmScaleCommand;
import com.nettoria.coreapi.vm.ScaleVmCommand;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.coreapi.vm.VmScaleOutcome;
import com.nettoria.coreapi.vm.VmScaleQuote;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.ui.vm.VmScaleApi.QuoteResponse;
import com.nettoria.ui.vm.VmScaleApi.ScaleRequest;
import com.nettoria.ui.vm.VmScaleApi.ScaleResponse;
import com.nettoria.ui.web.IdempotencyKeys;
import com.nettoria.ui.web.RequestCausation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Grow one of my VMs to a bigger plan or custom size ({@code /api/vcenter/vms/{id}/scale}), and ask first what it
 * costs ({@code /scale/quote}). The command side prices it from the catalogue and the order's paid period, charges
 * the wallet in the same request, and vCenter carries it out afterwards as an operation. Someone else's VM is a 404.
 */
@RestController
@RequestMapping("/api/vcenter/vms")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Virtual machines")
public class VmScaleController {

    private final VmReadModel vms;
    private final CommandGateway commands;

    public VmScaleController(VmReadModel vms, CommandGateway commands) {
        this.vms = vms;
        this.commands = commands;
    }

    @PostMapping("/{vmId}/scale/quote")
    @Operation(summary = "What growing my VM to a plan or custom size would cost now (nothing changes)",
            description = "The new recurring prices and what the wallet would pay now: the difference for the rest "
                    + "of the paid period (0 when billed hourly). Refused as the scale itself would be.")
    public QuoteResponse quote(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                               @PathVariable String vmId, @RequestBody ScaleRequest body) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        ScaleTarget target = ScaleTarget.of(body);
        VmScaleQuote quote = send(target, new QuoteVmScaleCommand(vm.vmId(), customer, target.planId(),
                target.customSpec()), RequestCausation.customerRequest(caller, request, null));
        return QuoteResponse.of(quote);
    }

    @PostMapping("/{vmId}/scale")
    @Operation(summary = "Grow my VM to a bigger plan or custom size and pay the difference from my wallet",
            description = "Idempotency-Key required. 202 Accepted with the Location of the SCALE operation and what "
                    + "was charged; vCenter carries it out afterwards (a running VM is shut down and powered on again: "
                    + "it reboots). The same key and body again answer the same operation without charging again "
                    + "(Idempotent-Replayed: true); another body is 422 idempotency.key-reused. 422 vm.scale-down "
                    + "(the field named) when a resource would shrink, 422 vm.scale-unchanged for the same size, 422 "
                    + "wallet.insufficient-funds when the wallet does not cover it (nothing changes), 409 "
                    + "order.datacenter-full when the VM's datastore has no room for the bigger disk, 409 "
                    + "vm.illegal-state when the VM is not active, 409 vm.scale-in-progress.")
    public ResponseEntity<ScaleResponse> scale(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                               @PathVariable String vmId,
                                               @RequestHeader(value = IdempotencyKeys.HEADER, required = false)
                                               String idempotencyKey,
                                               @RequestBody ScaleRequest body) {
        CustomerId customer = customerOf(caller);
        VmView vm = vms.mine(customer, VmReadModel.vmId(vmId));
        IdempotencyKeys.require(idempotencyKey);
        ScaleTarget target = ScaleTarget.of(body);
        String operationId = VmOperations.operationId(customer.value(), vm.vmId(), idempotencyKey);
        VmScaleOutcome outcome = send(target, new ScaleVmCommand(vm.vmId(), customer, operationId, target.planId(),
                target.customSpec(), target.fingerprint(vm.vmId())),
                RequestCausation.customerRequest(caller, request, idempotencyKey));
        String status = vms.awaitOperation(vm.vmId(), operationId).map(VmOperationView::status)
                .orElse(VmOperationStatus.REQUESTED).name();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(VmController.operationsPath(vm.vmId()) + operationId))
                .header(VmOperations.REPLAYED, Boolean.toString(outcome.replayed()))
                .body(new ScaleResponse(operationId, vm.vmId().value(), VmOperationKind.SCALE.name(), status,
                        QuoteResponse.of(outcome.quote())));
    }

    private <T> T send(ScaleTarget target, Object command, MetaData metaData) {
        try {
            return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
        } catch (CommandExecutionException refused) {
            throw target.inRequestTerms(refused);
        }
    }

    private static CustomerId customerOf(Jwt caller) {
        return new CustomerId(caller.getSubject());
    }
}
