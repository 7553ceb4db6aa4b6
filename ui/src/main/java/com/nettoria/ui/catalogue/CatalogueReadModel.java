package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.FindCatalogueQuery;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.QuoteOrderQuery;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.BusinessErrors;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** The catalogue's read model as the controllers ask it: the whole catalogue, what is orderable, quotes. */
@Component
class CatalogueReadModel {

    private final QueryGateway queries;

    CatalogueReadModel(QueryGateway queries) {
        this.queries = queries;
    }

    CatalogueView everything() {
        return queries.query(new FindCatalogueQuery(CatalogueId.MAIN, false), CatalogueView.class).join();
    }

    CatalogueView orderable() {
        return queries.query(new FindCatalogueQuery(CatalogueId.MAIN, true), CatalogueView.class).join();
    }

    /**
     * Prices the request by the catalogue's rules; a refusal is an {@link ApiProblem} of the business error it
     * carries, its field renamed by {@code field} to the request's own name for it.
     */
    OrderQuote quote(QuoteRequest request, UnaryOperator<String> field) {
        try {
            return queries.query(new QuoteOrderQuery(request), OrderQuote.class).join();
        } catch (RuntimeException failure) {
            Optional<BusinessError> refusal = BusinessErrors.in(failure);
            if (refusal.isEmpty()) {
                throw failure;
            }
            BusinessError error = refusal.get();
            throw ApiProblem.refusal(new BusinessError(error.code(), error.message(),
                    error.field() == null ? null : field.apply(error.field()), error.context()));
        }
    }
}
