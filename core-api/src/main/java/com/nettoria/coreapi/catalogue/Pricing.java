package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Currencies;
import com.nettoria.coreapi.common.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The catalogue's price arithmetic, the one piece of code both the write side (order placement) and the read side
 * (the public price list and quotes) use. Amounts are computed exactly and rounded once, half up, to the currency's
 * scale:
 * <ul>
 *     <li>a custom size costs per month {@code vcpus × perVcpu + memoryMib / 1024 × perGibMemory + diskGib ×
 *     perGibDisk};</li>
 *     <li>its hourly price is the monthly price / {@value #HOURS_PER_MONTH} (a plan has its own hourly price);</li>
 *     <li>a period paid in advance costs {@code monthly × months × (1 − discount / 100)};</li>
 *     <li>hourly billing charges the hourly price, less the HOURLY discount (0 unless an administrator sets one);</li>
 *     <li>a scale-up in the middle of a period paid in advance costs the difference of the two periods' prices for
 *     the share of the period left ({@link #upgradeCharge}); hourly billing charges nothing in advance.</li>
 * </ul>
 */
public final class Pricing {

    /** Hours in a billing month: 365 days × 24 hours / 12 months. */
    public static final int HOURS_PER_MONTH = 730;

    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    /** The undiscounted monthly price of a custom size. */
    public static Money customMonthlyPrice(CustomPricing pricing, VmSpec spec) {
        Money perVcpu = pricing.monthlyPricePerVcpu();
        perVcpu.requireSameCurrency(pricing.monthlyPricePerGibMemory());
        perVcpu.requireSameCurrency(pricing.monthlyPricePerGibDisk());
        BigDecimal exact = perVcpu.amount().multiply(BigDecimal.valueOf(spec.vcpus()))
                .add(pricing.monthlyPricePerGibMemory().amount().multiply(BigDecimal.valueOf(spec.memoryMib()))
                        .divide(MIB_PER_GIB)) // exact: 1024 is a power of two
                .add(pricing.monthlyPricePerGibDisk().amount().multiply(BigDecimal.valueOf(spec.diskGib())));
        return rounded(exact, perVcpu);
    }

    /** The price of one hour of a VM that costs {@code monthly} a month. */
    public static Money hourlyPrice(Money monthly) {
        return rounded(monthly.amount().divide(BigDecimal.valueOf(HOURS_PER_MONTH),
                Currencies.scaleOf(monthly.currency()), RoundingMode.HALF_UP), monthly);
    }

    /** What the period costs before its discount: one hour when hourly, else {@code monthly × months}. */
    public static Money undiscountedPrice(Money hourly, Money monthly, BillingPeriod period) {
        return period.hourly() ? hourly : rounded(monthly.amount().multiply(BigDecimal.valueOf(period.months())), monthly);
    }

    /** What a customer pays now for {@code period}: the undiscounted price less {@code discountPercent}. */
    public static Money amountDue(Money hourly, Money monthly, BillingPeriod period, BigDecimal discountPercent) {
        Money undiscounted = undiscountedPrice(hourly, monthly, period);
        BigDecimal exact = undiscounted.amount().multiply(HUNDRED.subtract(discountPercent)).divide(HUNDRED);
        return rounded(exact, undiscounted);
    }

    /** {@link #amountDue} for every billing period, in the periods' order. */
    public static Map<BillingPeriod, Money> amountsDue(Money hourly, Money monthly, PeriodDiscounts discounts) {
        Map<BillingPeriod, Money> prices = new EnumMap<>(BillingPeriod.class);
        for (BillingPeriod period : BillingPeriod.values()) {
            prices.put(period, amountDue(hourly, monthly, period, discounts.percentFor(period)));
        }
        return prices;
    }

    /**
     * What growing a VM costs now: {@code (newPeriodPrice − paidPeriodPrice) × secondsLeft / periodSeconds} of the
     * paid period {@code at} falls in, rounded once; never below zero (a new size the catalogue now sells for less
     * than was paid costs nothing more, and nothing is paid back).
     */
    public static Money upgradeCharge(Money paidPeriodPrice, Money newPeriodPrice, PaidPeriod paid, Instant at) {
        paidPeriodPrice.requireSameCurrency(newPeriodPrice);
        BigDecimal difference = newPeriodPrice.amount().subtract(paidPeriodPrice.amount());
        if (difference.signum() <= 0) {
            return Money.zero(newPeriodPrice.currency());
        }
        BigDecimal exact = difference.multiply(BigDecimal.valueOf(paid.secondsLeft(at)))
                .divide(BigDecimal.valueOf(paid.lengthSeconds()), Currencies.scaleOf(newPeriodPrice.currency()) + 4,
                        RoundingMode.HALF_UP);
        return rounded(exact, newPeriodPrice);
    }

    private static Money rounded(BigDecimal exact, Money currencyOf) {
        return Money.of(exact.setScale(Currencies.scaleOf(currencyOf.currency()), RoundingMode.HALF_UP),
                currencyOf.currency());
    }
}
