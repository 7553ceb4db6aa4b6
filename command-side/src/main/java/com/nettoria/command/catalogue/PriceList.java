package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.ResizeRequest;
import com.nettoria.coreapi.catalogue.SizeQuote;

/**
 * The write side's view of the catalogue's prices and placements, decided from the catalogue's own events at the
 * moment of the call (never from a read model that may lag). Used by order placement, scaling and rebuilding a VM.
 */
public interface PriceList {

    /**
     * Prices a request. Refuses with a {@link com.nettoria.command.common.BusinessRuleViolation} carrying a
     * {@code catalogue.*} error code when the plan, datacenter or operating system is unknown or not orderable,
     * the operating system has no template in that datacenter, or a custom size is outside the catalogue's limits.
     */
    OrderQuote quote(QuoteRequest request);

    /**
     * Prices a new size for a running VM ({@link com.nettoria.coreapi.catalogue.Quoting#quoteSize}), refusing as
     * {@link #quote} does for the datacenter, plan or custom size.
     */
    SizeQuote quoteSize(ResizeRequest request);

    /**
     * The vCenter template {@code operatingSystem} is installed from in {@code datacenter}. Refuses like
     * {@link #quote} when the operating system is unknown, not orderable or has no template there.
     */
    String template(DatacenterId datacenter, OperatingSystemId operatingSystem);
}
