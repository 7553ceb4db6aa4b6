package com.nettoria.coreapi.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The discount, in percent (0 to 100, at most two decimals), of paying for a billing period in advance. Every
 * period has one; a period not given is 0.
 */
public record PeriodDiscounts(Map<BillingPeriod, BigDecimal> percents) {

    /** No discount for any period: a catalogue's discounts before an administrator sets them. */
    public static final PeriodDiscounts NONE = new PeriodDiscounts(Map.of());

    /** The scale percents are kept at, so that equal discounts are equal records. */
    public static final int SCALE = 2;

    public PeriodDiscounts {
        EnumMap<BillingPeriod, BigDecimal> all = new EnumMap<>(BillingPeriod.class);
        for (BillingPeriod period : BillingPeriod.values()) {
            BigDecimal percent = percents == null ? null : percents.get(period);
            all.put(period, (percent == null ? BigDecimal.ZERO : percent).setScale(SCALE, RoundingMode.UNNECESSARY));
        }
        percents = Collections.unmodifiableMap(all);
    }

    public BigDecimal percentFor(BillingPeriod period) {
        return percents.get(period);
    }
}
