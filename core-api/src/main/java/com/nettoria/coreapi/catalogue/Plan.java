package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.Money;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A ready-made VM size with its own prices. Never deleted (orders refer to it); withdrawn by
 * {@code orderable = false}.
 *
 * @param hourlyPrice  the price of one hour (its own, not derived from the monthly price)
 * @param monthlyPrice the undiscounted price of one month
 * @param datacenters  where it is offered; empty means every datacenter
 * @param sortOrder    the position in listings, lowest first
 */
public record Plan(PlanId id,
                   String name,
                   String nameFa,
                   VmSpec spec,
                   Money hourlyPrice,
                   Money monthlyPrice,
                   List<DatacenterId> datacenters,
                   boolean orderable,
                   int sortOrder) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(hourlyPrice, "hourlyPrice");
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        datacenters = datacenters == null ? List.of()
                : datacenters.stream().distinct().sorted(Comparator.comparing(DatacenterId::value)).toList();
    }

    public boolean offeredIn(DatacenterId datacenter) {
        return datacenters.isEmpty() || datacenters.contains(datacenter);
    }
}
