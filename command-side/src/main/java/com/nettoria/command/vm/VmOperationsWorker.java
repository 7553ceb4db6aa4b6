package com.nettoria.command.vm;

import com.nettoria.command.provisioning.GuestInit;
import com.nettoria.command.provisioning.ProvisioningSettings;
import com.nettoria.command.provisioning.TemplateClones;
import com.nettoria.command.provisioning.VmDirectory;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.order.RefundOrderUpgradeCommand;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmIpAddressCommand;
import com.nettoria.coreapi.vm.RecordVmOperationResultCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RecordVmScaledCommand;
import com.nettoria.coreapi.vm.RecordVmRebuildWipedCommand;
import com.nettoria.coreapi.vm.RecordVmRebuiltCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotDeletedCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotRestoredCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotTakenCommand;
import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out what owners and administrators ask of their VMs in vCenter, then records the outcome on the VM:
 * the new power state, the destruction, a snapshot taken, restored or deleted, a rebuild, a suspension, and whether
 * the operation succeeded. An unavailable or slow vCenter is retried with backoff ({@link ProvisioningSettings}); the
 * operations are idempotent, so a redelivered request after a crash does no harm. A replay of its processor never repeats an operation.
 */
@DisallowReplay
@ProcessingGroup(VmOperationsWorker.PROCESSING_GROUP)
public class VmOperationsWorker {

    public static final String PROCESSING_GROUP = "vm-operations";

    private final VCenter vcenter;
    private final CommandGateway commands;
    private final ProvisioningSettings settings;
    private final Duration shutdownGrace;
    private final Consumer<Duration> pause;
    private final GuestInit guestInit;
    private final VmDirectory vms;

    /**
     * @param guestInit what a rebuilt guest is told at its first boot
     * @param vms       the VM's current host name for a rebuilt guest (the rebuild request does not carry it)
     */
    public VmOperationsWorker(VCenter vcenter, CommandGateway commands, ProvisioningSettings settings,
                              Duration shutdownGrace, Consumer<Duration> pause, GuestInit guestInit,
                              VmDirectory vms) {
        this.vcenter = vcenter;
        this.commands = commands;
        this.settings = settings;
        this.shutdownGrace = shutdownGrace;
        this.pause = pause;
        this.guestInit = guestInit;
        this.vms = vms;
    }

    @EventHandler
    void on(VmPowerRequestedEvent event) {
        String dc = event.vcenterDatacenter();
        String name = event.vcenterName();
        perform(event.vmId(), event.operationId(), () -> {
            PowerState state = switch (event.action()) {
                case ON -> {
                    vcenter.powerOn(dc, name);
                    yield PowerState.ON;
                }
                case OFF -> {
                    if (!vcenter.shutdownGuest(dc, name, shutdownGrace)) {
                        vcenter.powerOff(dc, name);
                    }
                    yield PowerState.OFF;
                }
                case FORCE_OFF -> {
                    vcenter.powerOff(dc, name);
                    yield PowerState.OFF;
                }
                case RESET -> {
                    vcenter.reset(dc, name);
                    yield PowerState.ON;
                }
            };
            commands.sendAndWait(new RecordVmPowerStateCommand(event.vmId(), state,
                    "power-" + event.action().name().toLowerCase().replace('_', '-')));
        });
    }

    @EventHandler
    void on(VmDeletionRequestedEvent event) {
        perform(event.vmId(), event.operationId(), () -> {
            vcenter.destroy(event.vcenterDatacenter(), event.vcenterName());
            commands.sendAndWait(new RecordVmDestroyedCommand(event.vmId(), "deleted"));
        });
    }

    /**
     * Grows the VM in vCenter. Templates usually lack CPU and memory hot-add, so a running VM whose vCPUs or memory
     * change is shut down first (gracefully, hard after the grace period) and powered on again after: the
     * customer's VM reboots. A disk alone grows while it runs. When vCenter refuses for good (or stays unavailable),
     * the VM keeps its size (powered on again if it was on), and the order's charge is refunded before the
     * operation is recorded as failed.
     */
    @EventHandler
    void on(VmScaleRequestedEvent event) {
        String dc = event.vcenterDatacenter();
        String name = event.vcenterName();
        VmSpec to = event.spec();
        boolean restart = to.vcpus() != event.previousSpec().vcpus()
                || to.memoryMib() != event.previousSpec().memoryMib();
        AtomicReference<Boolean> wasOn = new AtomicReference<>();
        perform(event.vmId(), event.operationId(), () -> {
            if (wasOn.get() == null) {
                wasOn.set(vcenter.vmInfo(dc, name).map(info -> info.powerState() == VCenter.PowerState.POWERED_ON)
                        .orElse(false));
            }
            if (restart && wasOn.get() && !vcenter.shutdownGuest(dc, name, shutdownGrace)) {
                vcenter.powerOff(dc, name);
            }
            vcenter.reconfigure(dc, name, to.vcpus(), to.memoryMib(), to.diskGib());
            if (restart && wasOn.get()) {
                vcenter.powerOn(dc, name);
            }
            commands.sendAndWait(new RecordVmScaledCommand(event.vmId(), event.operationId()));
        }, failure -> {
            if (restart && Boolean.TRUE.equals(wasOn.get())) {
                restorePower(event, dc, name);
            }
            commands.sendAndWait(new RefundOrderUpgradeCommand(event.orderId(), event.operationId(), codeOf(failure),
                    failure.getMessage()));
        });
    }

    /** Powers a VM a failed scale had shut down on again; when vCenter will not, records that it is off. */
    private void restorePower(VmScaleRequestedEvent event, String dc, String name) {
        try {
            vcenter.powerOn(dc, name);
        } catch (VCenterException stillOff) {
            commands.sendAndWait(new RecordVmPowerStateCommand(event.vmId(), PowerState.OFF, "scale"));
        }
    }

    /** The vCenter snapshot name follows from the snapshot's id, so a repeated step finds the snapshot it took. */
    @EventHandler
    void on(VmSnapshotRequestedEvent event) {
        takeSnapshot(event.vmId(), event.operationId(), event.snapshotId(), event.vcenterDatacenter(),
                event.vcenterName(), event.vcenterSnapshotName(), event.description());
    }

    /** A snapshot of the VM's backup schedule is taken as a manual one is; its description says whose it is. */
    @EventHandler
    void on(VmScheduledSnapshotRequestedEvent event) {
        takeSnapshot(event.vmId(), event.operationId(), event.snapshotId(), event.vcenterDatacenter(),
                event.vcenterName(), event.vcenterSnapshotName(), "scheduled backup " + event.name());
    }

    private void takeSnapshot(VmId vmId, String operationId, String snapshotId, String datacenter, String vmName,
                              String snapshotName, String description) {
        perform(vmId, operationId, () -> {
            String ref = vcenter.createSnapshot(datacenter, vmName, snapshotName,
                    description == null ? "" : description);
            commands.sendAndWait(new RecordVmSnapshotTakenCommand(vmId, snapshotId, ref));
        });
    }

    /** A snapshot without memory leaves the VM as vCenter then has it (usually off): that power state is recorded. */
    @EventHandler
    void on(VmSnapshotRestoreRequestedEvent event) {
        String dc = event.vcenterDatacenter();
        String name = event.vcenterName();
        perform(event.vmId(), event.operationId(), () -> {
            vcenter.revertToSnapshot(dc, name, event.vcenterSnapshotName());
            commands.sendAndWait(new RecordVmSnapshotRestoredCommand(event.vmId(), event.operationId(),
                    event.snapshotId()));
            vcenter.vmInfo(dc, name).map(info -> info.powerState().platformState()).ifPresent(state -> commands.sendAndWait(new RecordVmPowerStateCommand(event.vmId(), state,
                    "snapshot-restore")));
        });
    }

    @EventHandler
    void on(VmSnapshotDeletionRequestedEvent event) {
        perform(event.vmId(), event.operationId(), () -> {
            vcenter.removeSnapshot(event.vcenterDatacenter(), event.vcenterName(), event.vcenterSnapshotName());
            commands.sendAndWait(new RecordVmSnapshotDeletedCommand(event.vmId(), event.snapshotId()));
        });
    }

    /**
     * Reinstalls the VM: destroy it (its snapshots go with it), clone the template under the same name, size it,
     * connect it, hand the new guest its host name and root's new credentials (a new cloud-init instance), power it on and wait (bounded by {@link ProvisioningSettings#ipWaitLimit()}) for the guest's
     * address. A repeated attempt finds the clone an earlier one made (another instance UUID than the VM replaced)
     * and carries on from it instead of destroying it; where vCenter gives the clone the same instance UUID (the
     * simulator derives it from the name) the attempt destroys and clones again, which is slower but as correct. A
     * guest that reports no address fails the operation; the VM is rebuilt all the same.
     */
    @EventHandler
    void on(VmRebuildRequestedEvent event) {
        String dc = event.placement().datacenter();
        String name = event.vcenterName();
        perform(event.vmId(), event.operationId(), () -> {
            VCenter.VmInfo vm = vcenter.findVm(dc, name)
                    .filter(found -> event.replacedInstanceUuid() != null
                            && !event.replacedInstanceUuid().equals(found.instanceUuid()))
                    .orElseGet(() -> {
                        vcenter.destroy(dc, name);
                        commands.sendAndWait(new RecordVmRebuildWipedCommand(event.vmId(), event.operationId()));
                        return TemplateClones.clone(vcenter, event.placement(), event.template(), name, event.spec(),
                                "Nettoria VM " + event.vmId() + " (rebuilt from " + event.operatingSystemId() + ")");
                    });
            commands.sendAndWait(new RecordVmRebuiltCommand(event.vmId(), event.operationId(), vm.moRef(),
                    vm.instanceUuid(), vm.datastore()));
            String hostname = vms.find(event.vmId()).map(VmDirectory.Vm::hostname).orElse(null);
            TemplateClones.configure(vcenter, event.placement(), name, event.spec(), guestInit.guestInfo(
                    GuestInit.Guest.rebuilt(event.vmId(), event.operationId(), hostname, event.sshPublicKey(),
                            event.sealedRootPassword())));
            vcenter.powerOn(dc, name);
            commands.sendAndWait(new RecordVmPowerStateCommand(event.vmId(), PowerState.ON, "rebuild"));
            String ip = guestIpAddress(dc, name).orElseThrow(() -> new VCenterException(
                    VCenterException.Kind.REJECTED, "the rebuilt guest reported no IP address within "
                    + settings.ipWaitLimit()));
            commands.sendAndWait(new RecordVmIpAddressCommand(event.vmId(), ip));
        });
    }

    /** A suspension powers the VM off hard: the guest is not asked, so it cannot delay or refuse it. */
    @EventHandler
    void on(VmSuspendedEvent event) {
        perform(event.vmId(), event.operationId(), () -> {
            vcenter.powerOff(event.vcenterDatacenter(), event.vcenterName());
            commands.sendAndWait(new RecordVmPowerStateCommand(event.vmId(), PowerState.OFF, "suspend"));
        });
    }

    @EventHandler
    void on(VmUnsuspendedEvent event) {
        perform(event.vmId(), event.operationId(), () -> {
            if (event.powerOn()) {
                vcenter.powerOn(event.vcenterDatacenter(), event.vcenterName());
                commands.sendAndWait(new RecordVmPowerStateCommand(event.vmId(), PowerState.ON, "unsuspend"));
            }
        });
    }

    /** Asks the guest for its address every {@link ProvisioningSettings#ipPollInterval()}, at most as provisioning. */
    private Optional<String> guestIpAddress(String datacenter, String name) {
        for (long poll = 1; ; poll++) {
            Optional<String> ip = vcenter.guestIpAddress(datacenter, name);
            if (ip.isPresent() || poll >= settings.ipPolls()) {
                return ip;
            }
            pause.accept(settings.ipPollInterval());
        }
    }

    private void perform(VmId vmId, String operationId, Runnable operation) {
        perform(vmId, operationId, operation, failure -> { });
    }

    /** {@code compensation} runs when vCenter failed for good, before the operation is recorded as failed. */
    private void perform(VmId vmId, String operationId, Runnable operation, Consumer<VCenterException> compensation) {
        for (int attempt = 1; ; attempt++) {
            try {
                operation.run();
                commands.sendAndWait(new RecordVmOperationResultCommand(vmId, operationId, true, null, null));
                return;
            } catch (VCenterException e) {
                if (!e.retryable() || attempt >= settings.maxAttempts()) {
                    compensation.accept(e);
                    commands.sendAndWait(new RecordVmOperationResultCommand(vmId, operationId, false, codeOf(e),
                            e.getMessage()));
                    return;
                }
                pause.accept(settings.retryDelay(attempt));
            }
        }
    }

    private static String codeOf(VCenterException failure) {
        return ErrorCodes.VCENTER_PREFIX + failure.kind().name().toLowerCase().replace('_', '-');
    }
}
