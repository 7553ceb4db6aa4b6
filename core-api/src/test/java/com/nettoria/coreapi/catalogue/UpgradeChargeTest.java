package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paid period a moment falls in, and what growing a VM costs for the rest of it. */
class UpgradeChargeTest {

    private static final Instant HANDED_OVER = Instant.parse("2026-01-31T12:00:00Z");

    private static Money irr(String amount) {
        return Money.of(amount, "IRR");
    }

    @Test
    void periodsFollowOneAnotherInCalendarMonthsFromWhenBillingStarted() {
        assertThat(PaidPeriod.at(HANDED_OVER, BillingPeriod.MONTHLY, Instant.parse("2026-02-10T00:00:00Z")))
                .isEqualTo(new PaidPeriod(HANDED_OVER, Instant.parse("2026-02-28T12:00:00Z")));
        assertThat(PaidPeriod.at(HANDED_OVER, BillingPeriod.MONTHLY, Instant.parse("2026-03-01T00:00:00Z")))
                .isEqualTo(new PaidPeriod(Instant.parse("2026-02-28T12:00:00Z"),
                        Instant.parse("2026-03-31T12:00:00Z")));
        assertThat(PaidPeriod.at(HANDED_OVER, BillingPeriod.QUARTERLY, Instant.parse("2026-05-01T00:00:00Z")))
                .isEqualTo(new PaidPeriod(Instant.parse("2026-04-30T12:00:00Z"),
                        Instant.parse("2026-07-31T12:00:00Z")));
        assertThat(PaidPeriod.at(HANDED_OVER, BillingPeriod.ANNUAL, HANDED_OVER))
                .isEqualTo(new PaidPeriod(HANDED_OVER, Instant.parse("2027-01-31T12:00:00Z")));
    }

    @Test
    void hourlyBillingHasNoPaidPeriod() {
        assertThatThrownBy(() -> PaidPeriod.at(HANDED_OVER, BillingPeriod.HOURLY, HANDED_OVER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chargesTheDifferenceForTheShareOfThePeriodLeft() {
        PaidPeriod april = new PaidPeriod(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));
        Instant tenDaysLeft = Instant.parse("2026-04-21T00:00:00Z");

        Money charge = Pricing.upgradeCharge(irr("3650000"), irr("10950000"), april, tenDaysLeft);

        // (10 950 000 − 3 650 000) × 10 / 30, rounded half up to the currency's scale
        assertThat(charge).isEqualTo(irr("2433333.33"));
    }

    @Test
    void chargesTheWholeDifferenceAtTheStartAndNothingAtTheEnd() {
        PaidPeriod april = new PaidPeriod(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));

        assertThat(Pricing.upgradeCharge(irr("100"), irr("400"), april, april.from())).isEqualTo(irr("300"));
        assertThat(Pricing.upgradeCharge(irr("100"), irr("400"), april, april.until())).isEqualTo(irr("0"));
    }

    @Test
    void aNewSizeTheCatalogueNowSellsForLessCostsNothingAndPaysNothingBack() {
        PaidPeriod april = new PaidPeriod(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));

        assertThat(Pricing.upgradeCharge(irr("500"), irr("400"), april, april.from())).isEqualTo(irr("0"));
    }
}
