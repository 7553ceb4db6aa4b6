package com.nettoria.command.reconciliation;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.ReconciliationCompletedEvent;
import com.nettoria.coreapi.vm.VcenterOrphanFoundEvent;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Compares vCenter's inventory with the VMs the platform believes it runs ({@link ReconciliationInventory}) and
 * records the drift: an active VM that vCenter no longer has is recorded destroyed (cause
 * {@value #CAUSE_NOT_FOUND}), one whose power state changed behind the platform's back gets its new state (cause
 * {@value #CAUSE}); both are confirmed with a second look at the VM before anything is recorded. A VM in vCenter with
 * the platform's name prefix that the platform does not run is an orphan ({@link VcenterOrphanFoundEvent}); each
 * run ends with a {@link ReconciliationCompletedEvent}. VMs that are provisioning, being deleted or have an operation
 * under way are left alone. A datacenter whose vCenter cannot be asked is skipped with a warning and named in the
 * run's event. Everything it sends and publishes carries cause type {@code system} and actor {@value #ACTOR}.
 */
public class VcenterReconciler {

    public static final String ACTOR = "system:reconciliation";
    public static final String CAUSE = "reconciliation";
    public static final String CAUSE_NOT_FOUND = "reconciliation: not found in vCenter";

    private static final Logger log = LoggerFactory.getLogger(VcenterReconciler.class);

    private final VCenter vcenter;
    private final ReconciliationInventory inventory;
    private final CommandGateway commands;
    private final EventGateway events;
    private final Clock clock;
    private final Supplier<String> runIds;

    public VcenterReconciler(VCenter vcenter, ReconciliationInventory inventory, CommandGateway commands,
                             EventGateway events, Clock clock, Supplier<String> runIds) {
        this.vcenter = vcenter;
        this.inventory = inventory;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        this.runIds = runIds;
    }

    /**
     * One run over every vCenter datacenter the platform has (or had) VMs in; answers the event it published at the
     * end. When the platform has never had a VM there is nothing to compare: no vCenter is asked and nothing is
     * published.
     */
    public Optional<ReconciliationCompletedEvent> reconcile() {
        String runId = runIds.get();
        Instant startedAt = clock.instant();
        Map<String, List<KnownVm>> byDatacenter = new TreeMap<>();
        for (KnownVm vm : inventory.knownVms()) {
            byDatacenter.computeIfAbsent(vm.vcenterDatacenter(), dc -> new ArrayList<>()).add(vm);
        }
        if (byDatacenter.isEmpty()) {
            log.debug("Reconciliation {}: the platform has no VMs, nothing to compare", runId);
            return Optional.empty();
        }
        MetaData metaData = MetaData.with(Causation.ACTOR_ID, ACTOR)
                .and(Causation.CAUSE_TYPE, Causation.CauseType.SYSTEM)
                .and(Causation.CAUSE_ID, runId);
        Tally tally = new Tally();
        byDatacenter.forEach((datacenter, known) -> reconcile(runId, datacenter, known, metaData, tally));
        ReconciliationCompletedEvent completed = new ReconciliationCompletedEvent(runId, startedAt, clock.instant(),
                tally.checked, tally.drifts, tally.orphans, tally.unavailable);
        events.publish(GenericEventMessage.asEventMessage(completed).andMetaData(metaData));
        log.info("Reconciliation {}: {} VMs checked, {} drifts, {} orphans{}", runId, tally.checked, tally.drifts,
                tally.orphans, tally.unavailable.isEmpty() ? "" : ", vCenter unavailable for " + tally.unavailable);
        return Optional.of(completed);
    }

    private void reconcile(String runId, String datacenter, List<KnownVm> known, MetaData metaData, Tally tally) {
        Map<String, VCenter.VmInfo> inVcenter = new LinkedHashMap<>();
        try {
            for (VCenter.VmInfo vm : vcenter.listVms(datacenter, VmId.VCENTER_NAME_PREFIX)) {
                inVcenter.putIfAbsent(vm.name(), vm);
            }
        } catch (VCenterException e) {
            log.warn("Reconciliation {} skips datacenter {}: vCenter could not list its VMs ({}: {})", runId,
                    datacenter, e.kind(), e.getMessage());
            tally.unavailable.add(datacenter);
            return;
        }
        Map<String, KnownVm> knownByName = new HashMap<>();
        for (KnownVm vm : known) {
            knownByName.merge(vm.vcenterName(), vm, (a, b) -> a.standing().gone() ? b : a);
            if (!vm.reconcilable()) {
                continue;
            }
            tally.checked++;
            try {
                if (drifted(datacenter, vm, inVcenter.get(vm.vcenterName()), metaData)) {
                    tally.drifts++;
                }
            } catch (VCenterException e) {
                log.warn("Reconciliation {} could not look at VM {} ({}/{}): {}", runId, vm.vmId(), datacenter,
                        vm.vcenterName(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Reconciliation {} could not record the drift of VM {}", runId, vm.vmId(), e);
            }
        }
        for (VCenter.VmInfo vm : inVcenter.values()) {
            KnownVm owner = knownByName.get(vm.name());
            if (owner == null || owner.standing().gone()) {
                events.publish(GenericEventMessage.asEventMessage(new VcenterOrphanFoundEvent(runId, datacenter,
                        vm.name(), vm.instanceUuid(), powerState(vm.powerState()),
                        owner == null ? null : owner.vmId())).andMetaData(metaData));
                tally.orphans++;
                log.warn("Reconciliation {} found an orphan VM in vCenter: {}/{}{}", runId, datacenter, vm.name(),
                        owner == null ? "" : " (VM " + owner.vmId() + " is " + owner.standing() + ")");
            }
        }
    }

    /** Records the drift of one active VM, if it drifted, after confirming it with a second look at the VM. */
    private boolean drifted(String datacenter, KnownVm vm, VCenter.VmInfo listed, MetaData metaData) {
        if (listed != null && powerState(listed.powerState()) == vm.powerState()) {
            return false;
        }
        Optional<VCenter.VmInfo> now = vcenter.vmInfo(datacenter, vm.vcenterName());
        if (now.isEmpty()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new RecordVmDestroyedCommand(vm.vmId(), CAUSE_NOT_FOUND)).andMetaData(metaData));
            log.warn("VM {} ({}/{}) is gone from vCenter: recorded destroyed", vm.vmId(), datacenter,
                    vm.vcenterName());
            return true;
        }
        PowerState actual = powerState(now.get().powerState());
        if (actual == vm.powerState()) {
            return false;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new RecordVmPowerStateCommand(vm.vmId(), actual, CAUSE)).andMetaData(metaData));
        log.warn("VM {} ({}/{}) is {} in vCenter, the platform had it {}: recorded", vm.vmId(), datacenter,
                vm.vcenterName(), actual, vm.powerState());
        return true;
    }

    static PowerState powerState(VCenter.PowerState state) {
        if (state == null) {
            return PowerState.UNKNOWN;
        }
        return state.platformState();
    }

    private static final class Tally {
        int checked;
        int drifts;
        int orphans;
        final List<String> unavailable = new ArrayList<>();
    }
}
