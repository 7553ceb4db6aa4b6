package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Money;

import java.math.BigDecimal;

/**
 * What a VM size costs per billing period, decided by the catalogue at one moment ({@link Quoting#quoteSize}).
 *
 * @param planId      the plan, or {@code null} for a custom size
 * @param periodPrice what one whole {@code period} costs after its discount (one hour when hourly)
 */
public record SizeQuote(PlanId planId,
                        VmSpec spec,
                        BillingPeriod period,
                        Money hourlyPrice,
                        Money monthlyPrice,
                        BigDecimal discountPercent,
                        Money periodPrice) {
}
