package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What growing a VM costs: its new size and recurring prices, and what the wallet pays now.
 *
 * @param planId      the new plan, or {@code null} for a custom size
 * @param discountPercent the catalogue's discount of the billing period, in {@code periodPrice}
 * @param periodPrice the new price of one whole billing period after its discount (one hour when hourly)
 * @param chargeNow   the difference to the paid period's price for the share of it left; zero when hourly (the new
 *                    hourly price applies from now on)
 * @param paidUntil   the end of the paid period the charge covers; {@code null} when hourly
 */
public record VmScaleQuote(VmId vmId,
                           PlanId currentPlanId,
                           VmSpec currentSpec,
                           PlanId planId,
                           VmSpec spec,
                           BillingPeriod period,
                           Money hourlyPrice,
                           Money monthlyPrice,
                           BigDecimal discountPercent,
                           Money periodPrice,
                           Money chargeNow,
                           Instant paidUntil) {
}
