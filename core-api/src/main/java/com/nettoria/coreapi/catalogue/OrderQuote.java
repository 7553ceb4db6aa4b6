package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Money;

import java.math.BigDecimal;

/**
 * What a VM costs and where it goes, decided by the catalogue at one moment. An order records its quote in its
 * events, so a later catalogue change never rewrites what a customer agreed to.
 *
 * @param planId          the plan ordered, or {@code null} for a custom configuration
 * @param hourlyPrice     the price of one hour of this VM
 * @param monthlyPrice    the undiscounted price of one month
 * @param discountPercent the period discount applied to {@code amountDue} (0 for hourly and monthly by default)
 * @param amountDue       what the customer pays now: the whole period in advance, or the first hour when hourly
 * @param template        the vCenter template of the operating system in this datacenter
 */
public record OrderQuote(PlanId planId,
                         VmSpec spec,
                         DatacenterId datacenterId,
                         OperatingSystemId operatingSystemId,
                         BillingPeriod period,
                         Money hourlyPrice,
                         Money monthlyPrice,
                         BigDecimal discountPercent,
                         Money amountDue,
                         VcenterPlacement placement,
                         String template) {
}
