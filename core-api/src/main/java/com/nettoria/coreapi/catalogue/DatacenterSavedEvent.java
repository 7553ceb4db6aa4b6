package com.nettoria.coreapi.catalogue;

/** A datacenter was added to the catalogue or changed; {@code datacenter} is all of it as it now is. */
public record DatacenterSavedEvent(CatalogueId catalogueId, Datacenter datacenter) {
}
