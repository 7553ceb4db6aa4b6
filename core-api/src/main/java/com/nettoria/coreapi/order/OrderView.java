package com.nettoria.coreapi.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.vm.VmId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The read model of an order: what was ordered at which quoted price, and where the order is in its life.
 *
 * @param planId               the plan ordered, or {@code null} for a custom size
 * @param paymentFailureCode   why the wallet last refused to pay (e.g. {@code wallet.insufficient-funds}), or
 *                             {@code null}; cleared once the order is paid
 * @param failureCode          why provisioning failed for good ({@link OrderStatus#FAILED}), or {@code null}
 * @param refunded             what went back to the wallet when the order failed, or {@code null}
 * @param cancellationReason   why the order was cancelled, or {@code null}
 * @param cancelledBy          who cancelled it (the actor of the cancellation request), or {@code null}
 * @param vmId                 the order's VM once the order is paid, or {@code null}
 * @param closedAt             when the order reached its last status (active, failed, expired or cancelled)
 * @param updatedAt            the time of the last event applied
 */
public record OrderView(OrderId orderId,
                        CustomerId customerId,
                        OrderStatus status,
                        PlanId planId,
                        VmSpec spec,
                        DatacenterId datacenterId,
                        OperatingSystemId operatingSystemId,
                        BillingPeriod period,
                        String hostname,
                        Money amountDue,
                        Money hourlyPrice,
                        Money monthlyPrice,
                        BigDecimal discountPercent,
                        String paymentFailureCode,
                        String paymentFailureReason,
                        String failureCode,
                        String failureReason,
                        Money refunded,
                        String cancellationReason,
                        String cancelledBy,
                        VmId vmId,
                        Instant placedAt,
                        Instant paidAt,
                        Instant paymentDueBy,
                        Instant closedAt,
                        Instant updatedAt) {
}
