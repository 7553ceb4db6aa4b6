package com.nettoria.coreapi.catalogue;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue as the read model holds it. Datacenters and operating systems come by id, plans by sort order.
 * In the orderable view ({@link FindCatalogueQuery#orderableOnly()}) everything is orderable now: an operating
 * system's templates and a plan's datacenters name only orderable datacenters (a plan offered everywhere lists them
 * all), and what cannot be ordered anywhere is left out.
 *
 * @param currency the catalogue's currency, {@code null} until its first price
 * @param custom   custom size pricing, {@code null} until an administrator sets it (custom sizes are then off)
 */
public record CatalogueView(CatalogueId catalogueId,
                            Currency currency,
                            List<Datacenter> datacenters,
                            List<OperatingSystem> operatingSystems,
                            List<Plan> plans,
                            CustomPricing custom,
                            PeriodDiscounts discounts) {

    public CatalogueView {
        datacenters = List.copyOf(datacenters);
        operatingSystems = List.copyOf(operatingSystems);
        plans = List.copyOf(plans);
        discounts = discounts == null ? PeriodDiscounts.NONE : discounts;
    }

    public Optional<Datacenter> datacenter(DatacenterId id) {
        return datacenters.stream().filter(datacenter -> datacenter.id().equals(id)).findFirst();
    }

    public Optional<OperatingSystem> operatingSystem(OperatingSystemId id) {
        return operatingSystems.stream().filter(system -> system.id().equals(id)).findFirst();
    }

    public Optional<Plan> plan(PlanId id) {
        return plans.stream().filter(plan -> plan.id().equals(id)).findFirst();
    }
}
