package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.capacity.DatacenterCapacityView;
import com.nettoria.coreapi.capacity.FindDatacenterCapacityQuery;
import com.nettoria.coreapi.catalogue.Datacenter;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * What a datacenter may still sell, asked of the command side (which asks vCenter now and counts the platform's
 * allocations); empty when vCenter cannot answer.
 */
@Component
class CapacityReadModel {

    private final QueryGateway queries;

    CapacityReadModel(QueryGateway queries) {
        this.queries = queries;
    }

    Optional<DatacenterCapacityView> of(Datacenter datacenter) {
        try {
            return Optional.of(queries.query(new FindDatacenterCapacityQuery(datacenter.id(), datacenter.placement()),
                    DatacenterCapacityView.class).join());
        } catch (CompletionException failure) {
            return Optional.empty();
        }
    }
}
