package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.ResizeRequest;
import com.nettoria.coreapi.catalogue.SizeQuote;

/**
 * The write side's view of the catalogue's prices and placements, decided from the catalogue's own events at the
 * moment of the call (never from a read model that may lag). Used by order placement and by scaling a VM.
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
}
