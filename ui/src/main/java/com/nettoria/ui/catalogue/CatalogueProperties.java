package com.nettoria.ui.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nettoria.catalogue.*} as the HTTP API uses it.
 *
 * @param currency the currency of prices an administrator sends without one while the catalogue has no price yet
 *                 (the first price sets the catalogue's currency for good), and the currency the public catalogue
 *                 names until then
 */
@ConfigurationProperties("nettoria.catalogue")
public record CatalogueProperties(String currency) {

    public CatalogueProperties {
        currency = currency == null || currency.isBlank() ? "IRR" : currency;
    }
}
