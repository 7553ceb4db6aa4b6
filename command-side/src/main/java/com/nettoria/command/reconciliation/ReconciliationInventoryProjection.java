package com.nettoria.command.reconciliation;

import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmPowerStateChangedEvent;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps the {@link ReconciliationInventory}: which VMs the platform runs, in which vCenter datacenter and under which
 * name, with their last recorded power state. Idempotent, replayable from zero (a reset forgets everything first).
 */
@ProcessingGroup(ReconciliationInventoryProjection.PROCESSING_GROUP)
public class ReconciliationInventoryProjection {

    public static final String PROCESSING_GROUP = "reconciliation-inventory";

    private final ReconciliationInventory inventory;

    public ReconciliationInventoryProjection(ReconciliationInventory inventory) {
        this.inventory = inventory;
    }

    @EventHandler
    void on(VmRegisteredEvent event) {
        inventory.registered(event.vmId(), event.placement().datacenter(), event.vcenterName());
    }

    @EventHandler
    void on(VmProvisionedEvent event) {
        inventory.provisioned(event.vmId());
    }

    @EventHandler
    void on(VmProvisioningFailedEvent event) {
        inventory.provisioningFailed(event.vmId());
    }

    @EventHandler
    void on(VmPowerStateChangedEvent event) {
        inventory.powerStateChanged(event.vmId(), event.current());
    }

    @EventHandler
    void on(VmPowerRequestedEvent event) {
        inventory.operationRequested(event.vmId(), event.operationId(), false);
    }

    @EventHandler
    void on(VmDeletionRequestedEvent event) {
        inventory.operationRequested(event.vmId(), event.operationId(), true);
    }

    /** A VM being rebuilt is missing from vCenter for a while: not reconciled until the rebuild ended. */
    @EventHandler
    void on(VmRebuildRequestedEvent event) {
        inventory.operationRequested(event.vmId(), event.operationId(), false);
    }

    @EventHandler
    void on(VmSuspendedEvent event) {
        inventory.operationRequested(event.vmId(), event.operationId(), false);
    }

    @EventHandler
    void on(VmUnsuspendedEvent event) {
        inventory.operationRequested(event.vmId(), event.operationId(), false);
    }

    /** A scale powers the VM off and on again: reconciliation leaves it alone until the operation ends. */
    @EventHandler
    void on(VmScaleRequestedEvent event) {
        inventory.operationRequested(event.vmId(), event.operationId(), false);
    }

    @EventHandler
    void on(VmOperationSucceededEvent event) {
        inventory.operationEnded(event.vmId(), event.operationId(), true);
    }

    @EventHandler
    void on(VmOperationFailedEvent event) {
        inventory.operationEnded(event.vmId(), event.operationId(), false);
    }

    @EventHandler
    void on(VmDestroyedEvent event) {
        inventory.destroyed(event.vmId());
    }

    @ResetHandler
    void reset() {
        inventory.clear();
    }
}
