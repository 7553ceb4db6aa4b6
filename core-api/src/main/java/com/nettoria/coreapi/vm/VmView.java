package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;

import java.time.Instant;

/**
 * The read model of a virtual machine.
 *
 * @param planId           the plan ordered, or {@code null} for a custom size
 * @param ipAddress        the address the guest last reported, or {@code null}
 * @param provisioningStep the last provisioning step reached; for a failed VM, the step that failed
 * @param failureCode      why provisioning failed ({@link VmStatus#FAILED}), or {@code null}
 * @param createdAt        when the VM was registered on the platform (its paid order's provisioning began)
 * @param provisionedAt    when it was handed to the customer (billing starts), or {@code null}
 * @param deletedAt        when it was destroyed in vCenter, or {@code null}
 * @param updatedAt        the time of the last event applied
 * @param lastOperation    the last power, delete or snapshot operation requested, or {@code null}
 * @param suspensionReason why the platform suspended it ({@link VmStatus#SUSPENDED}), or {@code null}
 */
public record VmView(VmId vmId,
                     OrderId orderId,
                     CustomerId customerId,
                     String hostname,
                     PlanId planId,
                     VmSpec spec,
                     BillingPeriod period,
                     DatacenterId datacenterId,
                     OperatingSystemId operatingSystemId,
                     VmStatus status,
                     PowerState powerState,
                     String ipAddress,
                     String vcenterName,
                     ProvisioningStep provisioningStep,
                     String failureCode,
                     String failureReason,
                     Instant createdAt,
                     Instant provisionedAt,
                     Instant deletedAt,
                     Instant updatedAt,
                     VmOperationSummary lastOperation,
                     String suspensionReason) {
}
