package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.InvalidMoneyException;
import com.nettoria.coreapi.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingTest {

    private static final CustomPricing CUSTOM = new CustomPricing(true, irr("600000"), irr("250000"), irr("12000"),
            new CustomLimits(1, 16, 1024, 65536, 20, 1000), 0);

    private static final PeriodDiscounts DISCOUNTS = new PeriodDiscounts(Map.of(
            BillingPeriod.QUARTERLY, new BigDecimal("5"),
            BillingPeriod.SEMI_ANNUAL, new BigDecimal("10"),
            BillingPeriod.ANNUAL, new BigDecimal("15")));

    @Test
    void aCustomSizeCostsItsResourcesAtTheirMonthlyUnitPrices() {
        // the worked example of docs/catalogue.md: 2 × 600,000 + 4 GiB × 250,000 + 60 × 12,000
        assertThat(Pricing.customMonthlyPrice(CUSTOM, new VmSpec(2, 4096, 60, 0))).isEqualTo(irr("2920000.00"));
    }

    @Test
    void memoryIsPricedProRataPerMebibyteAndRoundedOnceHalfUp() {
        CustomPricing odd = new CustomPricing(true, usd("1.00"), usd("1.00"), usd("0.01"),
                new CustomLimits(1, 16, 512, 65536, 1, 1000), 0);

        // 1 + 1536/1024 × 1 + 1 × 0.01 = 2.51; 1 + 520/1024 + 0.01 = 1.517… → 1.52
        assertThat(Pricing.customMonthlyPrice(odd, new VmSpec(1, 1536, 1, 0))).isEqualTo(usd("2.51"));
        assertThat(Pricing.customMonthlyPrice(odd, new VmSpec(1, 520, 1, 0))).isEqualTo(usd("1.52"));
    }

    @Test
    void theHourlyPriceIsTheMonthlyPriceOverSevenHundredThirtyHoursRoundedHalfUpAtTheCurrencysScale() {
        assertThat(Pricing.hourlyPrice(irr("2920000"))).isEqualTo(irr("4000.00"));
        assertThat(Pricing.hourlyPrice(usd("10.00"))).isEqualTo(usd("0.01"));       // 0.0136… → 0.01
        assertThat(Pricing.hourlyPrice(usd("11.33"))).isEqualTo(usd("0.02"));       // 0.01552… → 0.02
        assertThat(Pricing.hourlyPrice(Money.of("7300", "JPY"))).isEqualTo(Money.of("10", "JPY"));
        assertThat(Pricing.hourlyPrice(Money.of("1095", "JPY"))).isEqualTo(Money.of("2", "JPY")); // 1.5 → 2
    }

    @Test
    void aPeriodPaidInAdvanceCostsItsMonthsLessItsDiscount() {
        Money hourly = irr("4000");
        Money monthly = irr("2920000");

        assertThat(Pricing.amountsDue(hourly, monthly, DISCOUNTS)).containsExactly(
                Map.entry(BillingPeriod.HOURLY, irr("4000.00")),
                Map.entry(BillingPeriod.MONTHLY, irr("2920000.00")),
                Map.entry(BillingPeriod.QUARTERLY, irr("8322000.00")),
                Map.entry(BillingPeriod.SEMI_ANNUAL, irr("15768000.00")),
                Map.entry(BillingPeriod.ANNUAL, irr("29784000.00")));
        assertThat(Pricing.undiscountedPrice(hourly, monthly, BillingPeriod.ANNUAL)).isEqualTo(irr("35040000.00"));
        assertThat(Pricing.undiscountedPrice(hourly, monthly, BillingPeriod.HOURLY)).isEqualTo(hourly);
    }

    @Test
    void discountedAmountsAreRoundedHalfUpAtTheCurrencysScale() {
        // 0.05 × 3 × (1 − 0.125) = 0.13125 → 0.13; 0.07 × 1 × 0.5 = 0.035 → 0.04
        assertThat(Pricing.amountDue(usd("0.01"), usd("0.05"), BillingPeriod.QUARTERLY, new BigDecimal("12.5")))
                .isEqualTo(usd("0.13"));
        assertThat(Pricing.amountDue(usd("0.01"), usd("0.07"), BillingPeriod.MONTHLY, new BigDecimal("50")))
                .isEqualTo(usd("0.04"));
    }

    @Test
    void anHourlyDiscountLowersWhatAnHourCosts() {
        assertThat(Pricing.amountDue(irr("5000"), irr("3650000"), BillingPeriod.HOURLY, new BigDecimal("10")))
                .isEqualTo(irr("4500.00"));
    }

    @Test
    void refusesToMixCurrenciesInACustomPrice() {
        CustomPricing mixed = new CustomPricing(true, usd("1"), irr("1"), usd("1"), CUSTOM.limits(), 0);

        assertThatThrownBy(() -> Pricing.customMonthlyPrice(mixed, new VmSpec(1, 1024, 20, 0)))
                .isInstanceOf(InvalidMoneyException.class);
    }

    @Test
    void periodDiscountsKnowEveryPeriodAtTwoDecimalsAndDefaultToZero() {
        assertThat(DISCOUNTS.percents()).containsOnlyKeys(BillingPeriod.values());
        assertThat(DISCOUNTS.percentFor(BillingPeriod.HOURLY)).isEqualTo(new BigDecimal("0.00"));
        assertThat(DISCOUNTS.percentFor(BillingPeriod.QUARTERLY)).isEqualTo(new BigDecimal("5.00"));
        assertThat(new PeriodDiscounts(Map.of(BillingPeriod.ANNUAL, new BigDecimal("15.0"))))
                .isEqualTo(new PeriodDiscounts(Map.of(BillingPeriod.ANNUAL, new BigDecimal("15"),
                        BillingPeriod.MONTHLY, BigDecimal.ZERO)));
        assertThat(PeriodDiscounts.NONE.percents().values()).allSatisfy(percent ->
                assertThat(percent).isEqualByComparingTo("0"));
    }

    private static Money irr(String amount) {
        return Money.of(amount, "IRR");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
