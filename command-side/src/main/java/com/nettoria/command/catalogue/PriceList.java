package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.QuoteRequest;

/**
 * The write side's view of the catalogue's prices and placements, decided from the catalogue's own events at the
 * moment of the call (never from a read model that may lag). Used by order placement.
 */
public interface PriceList {

    /**
     * Prices a request. Refuses with a {@link com.nettoria.command.common.BusinessRuleViolation} carrying a
     * {@code catalogue.*} error code when the plan, datacenter or operating system is unknown or not orderable,
     * the operating system has no template in that datacenter, or a custom size is outside the catalogue's limits.
     */
    OrderQuote quote(QuoteRequest request);
}
