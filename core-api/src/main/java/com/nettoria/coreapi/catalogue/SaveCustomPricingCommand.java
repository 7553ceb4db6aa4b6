package com.nettoria.coreapi.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set how custom sizes are priced and limited, or switch them off. Prices positive and in the catalogue's currency, every minimum at most its maximum. Saving what the catalogue already holds changes nothing. Must carry causation metadata (who and why, see {@link com.nettoria.coreapi.common.Causation}).
 */
public record SaveCustomPricingCommand(@TargetAggregateIdentifier CatalogueId catalogueId, CustomPricing pricing) {
}
