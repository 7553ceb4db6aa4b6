package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;

/**
 * vCenter runs the VM at its new size.
 *
 * @param planId the new plan, or {@code null} for a custom size
 */
public record VmScaledEvent(VmId vmId, String operationId, PlanId previousPlanId, VmSpec previousSpec, PlanId planId,
                            VmSpec spec) {
}
