package com.nettoria.command.vm;

import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.CompleteVmProvisioningCommand;
import com.nettoria.coreapi.vm.DeleteVmCommand;
import com.nettoria.coreapi.vm.FailVmProvisioningCommand;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmConfiguredCommand;
import com.nettoria.coreapi.vm.RecordVmCreatedCommand;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmIpAddressCommand;
import com.nettoria.coreapi.vm.RecordVmOperationResultCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RegisterVmCommand;
import com.nettoria.coreapi.vm.RequestVmPowerCommand;
import com.nettoria.coreapi.vm.VmConfiguredEvent;
import com.nettoria.coreapi.vm.VmCreatedEvent;
import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmIpAddressAssignedEvent;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmPowerStateChangedEvent;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's virtual machine. Records what vCenter did (created, configured, powered, addressed, destroyed) as
 * the provisioning saga and the operations worker report it, and decides what its owner may ask for: actions on
 * a VM that is not active, or not theirs, are refused. Every recording command tolerates repeats.
 */
@Aggregate
public class VirtualMachine {

    @AggregateIdentifier
    private VmId vmId;
    private OrderId orderId;
    private CustomerId customerId;
    private String hostname;
    private VmSpec spec;
    private VcenterPlacement placement;
    private String vcenterName;
    private VmStatus status;
    private PowerState powerState;
    private String ipAddress;
    private boolean created;
    private boolean configured;
    private boolean destroyed;
    private boolean deletionRequested;
    private String deletionOperation;
    private final Set<String> operations = new HashSet<>();
    private final Set<String> pendingOperations = new HashSet<>();

    protected VirtualMachine() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VmId handle(RegisterVmCommand command) {
        if (vmId == null) {
            apply(new VmRegisteredEvent(command.vmId(), command.orderId(), command.customerId(), command.hostname(),
                    command.planId(), command.spec(), command.period(), command.datacenterId(),
                    command.operatingSystemId(), command.placement(), command.template(),
                    command.vmId().vcenterName()));
        }
        return command.vmId();
    }

    @CommandHandler
    public void handle(RecordVmCreatedCommand command) {
        if (!created && !destroyed) {
            apply(new VmCreatedEvent(vmId, command.vcenterRef(), command.instanceUuid(), command.datastore()));
        }
    }

    @CommandHandler
    public void handle(RecordVmConfiguredCommand command) {
        if (!configured && !destroyed) {
            apply(new VmConfiguredEvent(vmId, spec, command.network()));
        }
    }

    @CommandHandler
    public void handle(RecordVmPowerStateCommand command) {
        if (!destroyed && command.state() != powerState) {
            apply(new VmPowerStateChangedEvent(vmId, powerState, command.state(), command.cause()));
        }
    }

    @CommandHandler
    public void handle(RecordVmIpAddressCommand command) {
        if (!destroyed && !Objects.equals(command.ipAddress(), ipAddress)) {
            apply(new VmIpAddressAssignedEvent(vmId, command.ipAddress()));
        }
    }

    @CommandHandler
    public void handle(CompleteVmProvisioningCommand command) {
        if (status == VmStatus.ACTIVE) {
            return;
        }
        if (status != VmStatus.PROVISIONING) {
            throw VmRefusal.illegalState(vmId, status, "complete provisioning");
        }
        apply(new VmProvisionedEvent(vmId, orderId, customerId, ipAddress));
    }

    @CommandHandler
    public void handle(FailVmProvisioningCommand command) {
        if (status == VmStatus.FAILED) {
            return;
        }
        if (status != VmStatus.PROVISIONING) {
            throw VmRefusal.illegalState(vmId, status, "fail provisioning");
        }
        apply(new VmProvisioningFailedEvent(vmId, orderId, customerId, command.step(), command.code(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RecordVmDestroyedCommand command) {
        if (!destroyed) {
            apply(new VmDestroyedEvent(vmId, command.cause()));
        }
    }

    @CommandHandler
    public void handle(RequestVmPowerCommand command) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId())) {
            return;
        }
        requireActive("change power (" + command.action().name().toLowerCase() + ")");
        apply(new VmPowerRequestedEvent(vmId, command.operationId(), command.action(), placement.datacenter(),
                vcenterName));
    }

    @CommandHandler
    public void handle(DeleteVmCommand command) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId()) || deletionRequested || destroyed) {
            return;
        }
        if (status == VmStatus.PROVISIONING) {
            throw VmRefusal.illegalState(vmId, status, "delete while provisioning");
        }
        apply(new VmDeletionRequestedEvent(vmId, command.operationId(), command.reason(), placement.datacenter(),
                vcenterName));
    }

    @CommandHandler
    public void handle(RecordVmOperationResultCommand command) {
        if (!pendingOperations.contains(command.operationId())) {
            return;
        }
        apply(command.succeeded()
                ? new VmOperationSucceededEvent(vmId, command.operationId())
                : new VmOperationFailedEvent(vmId, command.operationId(), command.code(), command.reason()));
    }

    /** Whose the VM is (for the notices sent about it). Reads state; changes nothing. */
    public CustomerId owner() {
        return customerId;
    }

    /** The name its owner gave it when ordering (for the notices sent about it). Reads state; changes nothing. */
    public String hostname() {
        return hostname;
    }

    private void requireOwner(CustomerId requester) {
        if (requester != null && !customerId.equals(requester)) {
            throw VmRefusal.notFound(vmId);
        }
    }

    private void requireActive(String action) {
        if (status != VmStatus.ACTIVE || deletionRequested) {
            throw VmRefusal.illegalState(vmId, deletionRequested ? VmStatus.DELETED : status, action);
        }
    }

    @EventSourcingHandler
    void on(VmRegisteredEvent event) {
        vmId = event.vmId();
        orderId = event.orderId();
        customerId = event.customerId();
        hostname = event.hostname();
        spec = event.spec();
        placement = event.placement();
        vcenterName = event.vcenterName();
        status = VmStatus.PROVISIONING;
        powerState = PowerState.UNKNOWN;
    }

    @EventSourcingHandler
    void on(VmCreatedEvent event) {
        created = true;
    }

    @EventSourcingHandler
    void on(VmConfiguredEvent event) {
        configured = true;
    }

    @EventSourcingHandler
    void on(VmPowerStateChangedEvent event) {
        powerState = event.current();
    }

    @EventSourcingHandler
    void on(VmIpAddressAssignedEvent event) {
        ipAddress = event.ipAddress();
    }

    @EventSourcingHandler
    void on(VmProvisionedEvent event) {
        status = VmStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(VmProvisioningFailedEvent event) {
        status = VmStatus.FAILED;
    }

    @EventSourcingHandler
    void on(VmDestroyedEvent event) {
        destroyed = true;
        powerState = PowerState.OFF;
        if (status != VmStatus.FAILED) {
            status = VmStatus.DELETED;
        }
    }

    @EventSourcingHandler
    void on(VmPowerRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
    }

    @EventSourcingHandler
    void on(VmDeletionRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        deletionRequested = true;
        deletionOperation = event.operationId();
    }

    @EventSourcingHandler
    void on(VmOperationSucceededEvent event) {
        pendingOperations.remove(event.operationId());
    }

    @EventSourcingHandler
    void on(VmOperationFailedEvent event) {
        pendingOperations.remove(event.operationId());
        // a failed deletion leaves the VM as it was; the owner may ask again
        if (event.operationId().equals(deletionOperation) && !destroyed) {
            deletionRequested = false;
            deletionOperation = null;
        }
    }
}
