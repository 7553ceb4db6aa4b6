package com.nettoria.coreapi.catalogue;

/** Custom sizes are now priced, limited and enabled as {@code pricing} says. */
public record CustomPricingSavedEvent(CatalogueId catalogueId, CustomPricing pricing) {
}
