package com.nettoria.coreapi.catalogue;

import java.util.Objects;

/**
 * What {@code request} would cost, priced from the read model by the catalogue's rules ({@link Quoting}); answers an
 * {@link OrderQuote}, or fails with a {@code QueryExecutionException} whose details are the refusal's
 * {@link com.nettoria.coreapi.common.BusinessError} ({@link CatalogueErrors}). Order placement prices from the
 * catalogue's events instead, never from this.
 */
public record QuoteOrderQuery(QuoteRequest request) {

    public QuoteOrderQuery {
        Objects.requireNonNull(request, "request");
    }
}
