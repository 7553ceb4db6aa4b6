package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;

import java.util.Objects;

/**
 * What {@link ScaleVmCommand} with the same target would charge now, refused for the same reasons, without changing
 * anything. A command rather than a query because only the write side holds what it needs at once (the order's
 * paid period and price, the VM's size, the catalogue's events) and says no with typed refusals over the command
 * bus; it changes nothing. Answers a {@link VmScaleQuote}.
 */
public record QuoteVmScaleCommand(VmId vmId, CustomerId customerId, PlanId planId, VmSpec customSpec) {

    public QuoteVmScaleCommand {
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(customerId, "customerId");
        if ((planId == null) == (customSpec == null)) {
            throw new IllegalArgumentException("give either a plan or a custom spec");
        }
    }
}
