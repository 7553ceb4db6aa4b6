package com.nettoria.coreapi.catalogue;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add an operating system or replace what the catalogue says about it, templates included. Every datacenter of its templates must be in the catalogue. Saving what the catalogue already holds changes nothing. Must carry causation metadata (who and why, see {@link com.nettoria.coreapi.common.Causation}).
 */
public record SaveOperatingSystemCommand(@TargetAggregateIdentifier CatalogueId catalogueId, OperatingSystem operatingSystem) {
}
