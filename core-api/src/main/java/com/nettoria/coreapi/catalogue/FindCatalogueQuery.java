package com.nettoria.coreapi.catalogue;

/**
 * The catalogue as the read model holds it; answers a {@link CatalogueView}.
 *
 * @param orderableOnly true for what customers may order now (the public price list), false for everything an
 *                      administrator has saved
 */
public record FindCatalogueQuery(CatalogueId catalogueId, boolean orderableOnly) {
}
