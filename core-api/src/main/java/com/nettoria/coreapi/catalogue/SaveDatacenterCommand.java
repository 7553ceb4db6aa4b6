package com.nettoria.coreapi.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a datacenter to the catalogue or replace what it says about one (names, location, vCenter placement, orderable). Saving what the catalogue already holds changes nothing. Must carry causation metadata (who and why, see {@link com.nettoria.coreapi.common.Causation}).
 */
public record SaveDatacenterCommand(@TargetAggregateIdentifier CatalogueId catalogueId, Datacenter datacenter) {
}
