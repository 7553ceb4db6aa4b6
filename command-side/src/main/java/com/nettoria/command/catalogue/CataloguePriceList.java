package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.ResizeRequest;
import com.nettoria.coreapi.catalogue.SizeQuote;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.function.Function;

/**
 * The {@link PriceList} of the catalogue aggregate: loads it from its events (in the caller's unit of work, e.g. an
 * order's or a VM's command handler, or one of its own) and lets it quote or name a template. A catalogue with no
 * events yet knows no datacenter.
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
        return ask(request.datacenterId(), catalogue -> catalogue.quote(request));
    }

    @Override
    public SizeQuote quoteSize(ResizeRequest request) {
        return ask(request.datacenterId(), catalogue -> catalogue.quoteSize(request));
    }

    @Override
    public String template(DatacenterId datacenter, OperatingSystemId operatingSystem) {
        return ask(datacenter, catalogue -> catalogue.template(datacenter, operatingSystem));
    }

    private <T> T ask(DatacenterId datacenter, Function<Catalogue, T> question) {
        if (CurrentUnitOfWork.isStarted()) {
            return askInCurrentUnitOfWork(datacenter, question);
        }
        ResultMessage<T> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> askInCurrentUnitOfWork(datacenter, question));
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

    private <T> T askInCurrentUnitOfWork(DatacenterId datacenter, Function<Catalogue, T> question) {
        try {
            return catalogues.load(catalogueId.value()).invoke(question);
        } catch (AggregateNotFoundException empty) {
            throw new UnknownDatacenterException(datacenter, "datacenterId");
        }
    }
}
