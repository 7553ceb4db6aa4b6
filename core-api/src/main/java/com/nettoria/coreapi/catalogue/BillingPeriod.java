package com.nettoria.coreapi.catalogue;

/** How a VM is paid for: by the hour from the wallet, or in advance for a number of months. */
public enum BillingPeriod {
    HOURLY(0),
    MONTHLY(1),
    QUARTERLY(3),
    SEMI_ANNUAL(6),
    ANNUAL(12);

    private final int months;

    BillingPeriod(int months) {
        this.months = months;
    }

    /** Months paid in advance; 0 for hourly billing. */
    public int months() {
        return months;
    }

    public boolean hourly() {
        return this == HOURLY;
    }
}
