package com.nettoria.command.provisioning;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.order.FailOrderCommand;
import com.nettoria.coreapi.order.FulfilOrderCommand;
import com.nettoria.coreapi.order.OrderCancelledEvent;
import com.nettoria.coreapi.order.OrderExpiredEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPaidEvent;
import com.nettoria.coreapi.order.OrderPlacedEvent;
import com.nettoria.coreapi.vm.CompleteVmProvisioningCommand;
import com.nettoria.coreapi.vm.FailVmProvisioningCommand;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ProvisioningStep;
import com.nettoria.coreapi.vm.RecordVmConfiguredCommand;
import com.nettoria.coreapi.vm.RecordVmCreatedCommand;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmIpAddressCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RegisterVmCommand;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Duration;
import java.util.Optional;

/**
 * Provisions the VM of a paid order in vCenter, without a human: register the VM → clone the operating system's
 * template onto the datastore with the most free space → set vCPUs, memory, disk and network and hand the guest its
 * host name and root's SSH key or password through cloud-init ({@link GuestInit}) → power on → wait for
 * the guest's IP address → hand the VM over and fulfil the order.
 *
 * <p>Each step runs from a persistent deadline (its payload is the VM's id), so it survives a restart, and is idempotent, so a step repeated
 * after a crash does no harm (the clone first looks for the VM by its deterministic name). A vCenter that is
 * unavailable or slow is retried with exponential backoff up to {@link ProvisioningSettings#maxAttempts()}; a
 * permanent refusal, exhausted retries, a guest without an IP address or the overall timeout fail provisioning:
 * the VM is marked failed, the order refunds the wallet, and whatever was created in vCenter is destroyed.
 */
@Saga
@ProcessingGroup(VmProvisioningSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class VmProvisioningSaga {

    public static final String PROCESSING_GROUP = "vm-provisioning";
    static final String STEP = "provisioning-step";
    static final String CLEANUP = "provisioning-cleanup";
    static final String TIMEOUT = "provisioning-timeout";
    static final String PROVISIONING_CAUSE = "provisioning";

    private OrderId orderId;
    private CustomerId customerId;
    private String hostname;
    /** Root's credentials as the order has them (the password sealed), for the guest's first boot. */
    private String sshPublicKey;
    private String sealedRootPassword;
    private PlanId planId;
    private VmSpec spec;
    private BillingPeriod period;
    private DatacenterId datacenterId;
    private OperatingSystemId operatingSystemId;
    private VcenterPlacement placement;
    private String template;
    private VmId vmId;
    private ProvisioningStep step;
    private int attempt;
    private long ipPolls;
    private boolean failed;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerId = event.customerId();
        hostname = event.hostname();
        sshPublicKey = event.sshPublicKey();
        sealedRootPassword = event.sealedRootPassword();
        planId = event.quote().planId();
        spec = event.quote().spec();
        period = event.quote().period();
        datacenterId = event.quote().datacenterId();
        operatingSystemId = event.quote().operatingSystemId();
        placement = event.quote().placement();
        template = event.quote().template();
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPaidEvent event, CommandGateway commands, DeadlineManager deadlines, ProvisioningSettings settings) {
        vmId = VmId.forOrder(orderId);
        SagaLifecycle.associateWith("vmId", vmId.value());
        commands.sendAndWait(new RegisterVmCommand(vmId, orderId, customerId, hostname, planId, spec, period,
                datacenterId, operatingSystemId, placement, template));
        deadlines.schedule(settings.overallTimeout(), TIMEOUT, vmId);
        next(ProvisioningStep.CLONE, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderExpiredEvent event) {
        // never paid: nothing to provision
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelledEvent event) {
        // cancelled before payment: nothing to provision
    }

    @DeadlineHandler(deadlineName = STEP)
    void runStep(VmId deadlineFor, VCenter vcenter, CommandGateway commands, DeadlineManager deadlines,
                 ProvisioningSettings settings, GuestInit guestInit) {
        if (failed) {
            return;
        }
        try {
            switch (step) {
                case CLONE -> {
                    VCenter.VmInfo vm = vcenter.findVm(placement.datacenter(), vmId.vcenterName())
                            .orElseGet(() -> clone(vcenter));
                    commands.sendAndWait(new RecordVmCreatedCommand(vmId, vm.moRef(), vm.instanceUuid(), vm.datastore()));
                    next(ProvisioningStep.CONFIGURE, deadlines);
                }
                case CONFIGURE -> {
                    TemplateClones.configure(vcenter, placement, vmId.vcenterName(), spec, guestInit.guestInfo(
                            GuestInit.Guest.provisioned(vmId, hostname, sshPublicKey, sealedRootPassword)));
                    commands.sendAndWait(new RecordVmConfiguredCommand(vmId, placement.network()));
                    next(ProvisioningStep.POWER_ON, deadlines);
                }
                case POWER_ON -> {
                    vcenter.powerOn(placement.datacenter(), vmId.vcenterName());
                    commands.sendAndWait(new RecordVmPowerStateCommand(vmId, PowerState.ON, PROVISIONING_CAUSE));
                    ipPolls = 0;
                    next(ProvisioningStep.WAIT_FOR_IP, deadlines);
                }
                case WAIT_FOR_IP -> waitForIp(vcenter, commands, deadlines, settings);
                case COMPLETE, REGISTER -> complete(commands, deadlines);
            }
        } catch (VCenterException e) {
            if (e.retryable() && attempt + 1 < settings.maxAttempts()) {
                attempt++;
                deadlines.schedule(settings.retryDelay(attempt), STEP, vmId);
            } else {
                fail(ErrorCodes.VCENTER_PREFIX + e.kind().name().toLowerCase().replace('_', '-'),
                        describe(e), commands, deadlines);
            }
        }
    }

    @DeadlineHandler(deadlineName = TIMEOUT)
    void timedOut(VmId deadlineFor, CommandGateway commands, DeadlineManager deadlines, ProvisioningSettings settings) {
        if (!failed) {
            deadlines.cancelAllWithinScope(STEP);
            fail(ErrorCodes.PROVISIONING_TIMEOUT, "provisioning did not finish within " + settings.overallTimeout()
                    + " (last step: " + step + ")", commands, deadlines);
        }
    }

    /** Removes whatever an attempt left in vCenter; retried like a step, then the saga ends either way. */
    @DeadlineHandler(deadlineName = CLEANUP)
    void cleanUp(VmId deadlineFor, VCenter vcenter, CommandGateway commands, DeadlineManager deadlines, ProvisioningSettings settings) {
        try {
            vcenter.destroy(placement.datacenter(), vmId.vcenterName());
            commands.sendAndWait(new RecordVmDestroyedCommand(vmId, "provisioning-failed"));
            SagaLifecycle.end();
        } catch (VCenterException e) {
            if (e.retryable() && attempt + 1 < settings.maxAttempts()) {
                attempt++;
                deadlines.schedule(settings.retryDelay(attempt), CLEANUP, vmId);
            } else {
                // left for reconciliation, which reports VMs in vCenter the platform does not run
                SagaLifecycle.end();
            }
        }
    }

    private VCenter.VmInfo clone(VCenter vcenter) {
        return TemplateClones.clone(vcenter, placement, template, vmId.vcenterName(), spec,
                "Nettoria VM " + vmId + " (order " + orderId + ", customer " + customerId + ", " + hostname + ")");
    }

    private void waitForIp(VCenter vcenter, CommandGateway commands, DeadlineManager deadlines,
                           ProvisioningSettings settings) {
        Optional<String> ip = vcenter.guestIpAddress(placement.datacenter(), vmId.vcenterName());
        if (ip.isPresent()) {
            commands.sendAndWait(new RecordVmIpAddressCommand(vmId, ip.get()));
            next(ProvisioningStep.COMPLETE, deadlines);
            return;
        }
        ipPolls++;
        if (ipPolls >= settings.ipPolls()) {
            fail(ErrorCodes.VCENTER_PREFIX + "no-guest-ip", "the guest reported no IP address within "
                    + settings.ipWaitLimit(), commands, deadlines);
        } else {
            deadlines.schedule(settings.ipPollInterval(), STEP, vmId);
        }
    }

    private void complete(CommandGateway commands, DeadlineManager deadlines) {
        commands.sendAndWait(new CompleteVmProvisioningCommand(vmId));
        commands.sendAndWait(new FulfilOrderCommand(orderId, vmId));
        deadlines.cancelAllWithinScope(TIMEOUT);
        SagaLifecycle.end();
    }

    /** Permanent failure: the VM is marked failed, the order refunds the wallet, then vCenter is cleaned up. */
    private void fail(String code, String reason, CommandGateway commands, DeadlineManager deadlines) {
        failed = true;
        commands.sendAndWait(new FailVmProvisioningCommand(vmId, step, code, reason));
        commands.sendAndWait(new FailOrderCommand(orderId, code, reason));
        deadlines.cancelAllWithinScope(TIMEOUT);
        attempt = 0;
        deadlines.schedule(Duration.ZERO, CLEANUP, vmId);
    }

    private void next(ProvisioningStep nextStep, DeadlineManager deadlines) {
        step = nextStep;
        attempt = 0;
        deadlines.schedule(Duration.ZERO, STEP, vmId);
    }

    private static String describe(VCenterException e) {
        return "vCenter " + (e.retryable() ? "kept failing" : "refused") + ": " + e.getMessage();
    }
}
