package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.order.OrderId;

/**
 * The VM is to grow from {@code previousSpec} to {@code spec} (its order charged for it); the VM operations worker
 * reconfigures it in vCenter. Until {@link VmScaledEvent} the VM keeps its previous size.
 *
 * @param planId the new plan, or {@code null} for a custom size
 */
public record VmScaleRequestedEvent(VmId vmId,
                                    String operationId,
                                    OrderId orderId,
                                    PlanId previousPlanId,
                                    VmSpec previousSpec,
                                    PlanId planId,
                                    VmSpec spec,
                                    String vcenterDatacenter,
                                    String vcenterName) {
}
