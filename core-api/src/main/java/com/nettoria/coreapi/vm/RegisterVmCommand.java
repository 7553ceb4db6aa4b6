package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register the VM a paid order asked for (sent by the provisioning saga). A repeat is a no-op. */
public record RegisterVmCommand(@TargetAggregateIdentifier VmId vmId,
                                OrderId orderId,
                                CustomerId customerId,
                                String hostname,
                                PlanId planId,
                                VmSpec spec,
                                BillingPeriod period,
                                DatacenterId datacenterId,
                                OperatingSystemId operatingSystemId,
                                VcenterPlacement placement,
                                String template) {
}
