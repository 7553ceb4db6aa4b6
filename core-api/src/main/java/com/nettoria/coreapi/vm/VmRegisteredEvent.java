package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;

/** A paid order's VM exists on the platform and is about to be created in vCenter under {@code vcenterName}. */
public record VmRegisteredEvent(VmId vmId,
                                OrderId orderId,
                                CustomerId customerId,
                                String hostname,
                                PlanId planId,
                                VmSpec spec,
                                BillingPeriod period,
                                DatacenterId datacenterId,
                                OperatingSystemId operatingSystemId,
                                VcenterPlacement placement,
                                String template,
                                String vcenterName) {
}
