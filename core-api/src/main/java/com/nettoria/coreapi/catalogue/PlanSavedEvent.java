package com.nettoria.coreapi.catalogue;

/** A plan was added to the catalogue or changed; {@code plan} is all of it as it now is, prices included. */
public record PlanSavedEvent(CatalogueId catalogueId, Plan plan) {
}
