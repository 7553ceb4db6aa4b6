package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;

import java.util.Objects;

/**
 * Grow a customer's VM to a bigger plan or custom size, and pay the difference for the rest of the paid period from
 * the wallet now (handled by the order desk's scaling: the catalogue prices it, never the request). Exactly one of
 * {@code planId} and {@code customSpec} (its traffic is the catalogue's). {@code operationId} names the request:
 * the same id with the same {@code requestFingerprint} is answered again without charging again, another
 * fingerprint is a reused key. Answers a {@link VmScaleOutcome}.
 */
public record ScaleVmCommand(VmId vmId, CustomerId customerId, String operationId, PlanId planId, VmSpec customSpec,
                             String requestFingerprint) {

    public ScaleVmCommand {
        Objects.requireNonNull(vmId, "vmId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(operationId, "operationId");
        if ((planId == null) == (customSpec == null)) {
            throw new IllegalArgumentException("give either a plan or a custom spec");
        }
    }
}
