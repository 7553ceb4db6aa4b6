package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.capacity.DatacenterCapacityView;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.VmSpec;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which sizes the public catalogue's datacenters would still accept, so that customers are not offered what an order
 * would be refused for ({@code order.datacenter-full}). Asking vCenter on every public request would cost a vCenter
 * round trip per datacenter per page view, so the figures are a snapshot: a request that finds it older than
 * {@code nettoria.capacity.catalogue-refresh} starts a refresh in the background (one at a time) and is answered
 * from the snapshot it found. A datacenter whose figures are unknown (not asked yet, or vCenter could not answer) is
 * not marked: the order decides, against vCenter and the allocations of the moment.
 */
@Component
class CatalogueAvailability {

    private static final Logger log = LoggerFactory.getLogger(CatalogueAvailability.class);

    private final CapacityReadModel capacities;
    private final CatalogueCapacityProperties properties;
    private final Clock clock;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "catalogue-capacity");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

    CatalogueAvailability(CapacityReadModel capacities, CatalogueCapacityProperties properties) {
        this.capacities = capacities;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** The figures as last taken for the orderable datacenters; starts taking them anew when they are too old. */
    Snapshot current(CatalogueView orderable) {
        Snapshot found = snapshot;
        if (found.takenAt().plus(properties.catalogueRefresh()).isBefore(clock.instant())
                && refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> refresh(orderable));
            } catch (RuntimeException shuttingDown) {
                refreshing.set(false);
            }
        }
        return found;
    }

    private void refresh(CatalogueView orderable) {
        try {
            Instant takenAt = clock.instant();
            Map<DatacenterId, DatacenterCapacityView> figures = new HashMap<>();
            for (Datacenter datacenter : orderable.datacenters()) {
                capacities.of(datacenter).ifPresent(view -> figures.put(datacenter.id(), view));
            }
            snapshot = new Snapshot(takenAt, figures);
        } catch (RuntimeException e) {
            log.warn("The catalogue's capacity figures could not be refreshed: {}", e.toString());
        } finally {
            refreshing.set(false);
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** Capacity figures of some datacenters, as they were at {@code takenAt}. */
    record Snapshot(Instant takenAt, Map<DatacenterId, DatacenterCapacityView> figures) {

        Snapshot {
            figures = Map.copyOf(figures);
        }

        /** Whether a new VM of this size would be refused in the datacenter; false when its figures are unknown. */
        boolean soldOut(DatacenterId datacenterId, VmSpec spec) {
            DatacenterCapacityView view = figures.get(datacenterId);
            return view != null && !view.fits(spec);
        }
    }
}
