package com.nettoria.coreapi.catalogue;

import java.util.Currency;

/**
 * The catalogue's currency was set, by its first price. It is set once: every later price must be in it, so that
 * prices can be compared, summed and discounted without conversion.
 */
public record CatalogueCurrencySetEvent(CatalogueId catalogueId, Currency currency) {
}
