package com.nettoria.coreapi.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set the discount of every billing period (0 to 100 percent). Saving what the catalogue already holds changes nothing. Must carry causation metadata (who and why, see {@link com.nettoria.coreapi.common.Causation}).
 */
public record SavePeriodDiscountsCommand(@TargetAggregateIdentifier CatalogueId catalogueId, PeriodDiscounts discounts) {
}
