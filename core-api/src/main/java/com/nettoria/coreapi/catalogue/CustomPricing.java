package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Money;

import java.util.Objects;

/**
 * How a customer-sized VM is priced: a monthly price per vCPU, per GiB of memory and per GiB of disk, within
 * limits. See {@link Pricing#customMonthlyPrice}.
 *
 * @param enabled    whether customers may order custom sizes at all
 * @param trafficGib the monthly traffic allowance of a custom VM; 0 means unmetered
 */
public record CustomPricing(boolean enabled,
                            Money monthlyPricePerVcpu,
                            Money monthlyPricePerGibMemory,
                            Money monthlyPricePerGibDisk,
                            CustomLimits limits,
                            int trafficGib) {

    public CustomPricing {
        Objects.requireNonNull(monthlyPricePerVcpu, "monthlyPricePerVcpu");
        Objects.requireNonNull(monthlyPricePerGibMemory, "monthlyPricePerGibMemory");
        Objects.requireNonNull(monthlyPricePerGibDisk, "monthlyPricePerGibDisk");
        Objects.requireNonNull(limits, "limits");
    }
}
