package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * The {@link PriceList} of the catalogue aggregate: loads it from its events (in the caller's unit of work, e.g. an
 * order's command handler, or one of its own) and lets it quote. A catalogue with no events yet knows no datacenter.
 */
public class CataloguePriceList implements PriceList {

    private final Repository<Catalogue> catalogues;
    private final CatalogueId catalogueId;

    public CataloguePriceList(Repository<Catalogue> catalogues) {
        this(catalogues, CatalogueId.MAIN);
    }

    CataloguePriceList(Repository<Catalogue> catalogues, CatalogueId catalogueId) {
        this.catalogues = catalogues;
        this.catalogueId = catalogueId;
    }

    @Override
    public OrderQuote quote(QuoteRequest request) {
        if (CurrentUnitOfWork.isStarted()) {
            return quoteInCurrentUnitOfWork(request);
        }
        ResultMessage<OrderQuote> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> quoteInCurrentUnitOfWork(request));
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("could not load the catalogue", failure);
        }
        return result.getPayload();
    }

    private OrderQuote quoteInCurrentUnitOfWork(QuoteRequest request) {
        try {
            return catalogues.load(catalogueId.value()).invoke(catalogue -> catalogue.quote(request));
        } catch (AggregateNotFoundException empty) {
            throw new UnknownDatacenterException(request.datacenterId(), "datacenterId");
        }
    }
}
