package com.nettoria.ui.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code nettoria.capacity.catalogue-refresh}: how old the capacity figures behind the public catalogue's "sold out"
 * marks may get before they are asked again (in the background; docs/catalogue.md, "Capacity"). The ratios under
 * {@code nettoria.capacity.*} belong to the command side, which decides orders.
 */
@ConfigurationProperties("nettoria.capacity")
public record CatalogueCapacityProperties(@DefaultValue("30s") Duration catalogueRefresh) {

    public CatalogueCapacityProperties {
        if (catalogueRefresh == null || catalogueRefresh.isNegative()) {
            throw new IllegalArgumentException("nettoria.capacity.catalogue-refresh must not be negative");
        }
    }
}
