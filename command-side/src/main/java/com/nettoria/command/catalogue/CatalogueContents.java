package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystem;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.Quoting;

import java.util.HashMap;
import java.util.Map;

/** What the catalogue holds, each thing as its last saved event says; rebuilt from the catalogue's events. */
final class CatalogueContents implements Quoting.Contents {

    private final Map<DatacenterId, Datacenter> datacenters = new HashMap<>();
    private final Map<OperatingSystemId, OperatingSystem> operatingSystems = new HashMap<>();
    private final Map<PlanId, Plan> plans = new HashMap<>();
    private CustomPricing customPricing;
    private PeriodDiscounts discounts = PeriodDiscounts.NONE;

    @Override
    public Datacenter datacenter(DatacenterId id) {
        return datacenters.get(id);
    }

    @Override
    public OperatingSystem operatingSystem(OperatingSystemId id) {
        return operatingSystems.get(id);
    }

    @Override
    public Plan plan(PlanId id) {
        return plans.get(id);
    }

    @Override
    public CustomPricing customPricing() {
        return customPricing;
    }

    @Override
    public PeriodDiscounts discounts() {
        return discounts;
    }

    void put(Datacenter datacenter) {
        datacenters.put(datacenter.id(), datacenter);
    }

    void put(OperatingSystem operatingSystem) {
        operatingSystems.put(operatingSystem.id(), operatingSystem);
    }

    void put(Plan plan) {
        plans.put(plan.id(), plan);
    }

    void put(CustomPricing pricing) {
        customPricing = pricing;
    }

    void put(PeriodDiscounts periodDiscounts) {
        discounts = periodDiscounts;
    }
}
