package com.nettoria.coreapi.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a plan or replace what the catalogue says about it. Its prices must be positive and in the catalogue's currency, its datacenters in the catalogue. Saving what the catalogue already holds changes nothing. Must carry causation metadata (who and why, see {@link com.nettoria.coreapi.common.Causation}).
 */
public record SavePlanCommand(@TargetAggregateIdentifier CatalogueId catalogueId, Plan plan) {
}
