package com.nettoria.coreapi.catalogue;

/** The discounts of the billing periods are now {@code discounts} (every period, 0 where there is none). */
public record PeriodDiscountsSavedEvent(CatalogueId catalogueId, PeriodDiscounts discounts) {
}
