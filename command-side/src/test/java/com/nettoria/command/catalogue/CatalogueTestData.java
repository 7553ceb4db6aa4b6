package com.nettoria.command.catalogue;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueCurrencySetEvent;
import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CustomLimits;
import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.CustomPricingSavedEvent;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.DatacenterSavedEvent;
import com.nettoria.coreapi.catalogue.OperatingSystem;
import com.nettoria.coreapi.catalogue.OperatingSystemFamily;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OperatingSystemSavedEvent;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.PeriodDiscountsSavedEvent;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.PlanSavedEvent;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.Money;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Shared test data for the catalogue: a Tehran datacenter on the vCenter simulator's inventory, Debian with a
 * template there, a plan offered everywhere, custom pricing and the usual period discounts, all in IRR.
 */
public final class CatalogueTestData {

    public static final CatalogueId CATALOGUE = CatalogueId.MAIN;
    public static final Currency IRR = Currency.getInstance("IRR");
    public static final DatacenterId TEHRAN = new DatacenterId("tehran-1");
    public static final DatacenterId TABRIZ = new DatacenterId("tabriz-1");
    public static final OperatingSystemId DEBIAN = new OperatingSystemId("debian-12");
    public static final PlanId BASIC = new PlanId("basic-1");
    public static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC0", "DC0_C0", null, null,
            List.of("LocalDS_0", "LocalDS_1"), List.of("DC0_DVPG0"));

    private CatalogueTestData() {
    }

    public static Money irr(String amount) {
        return Money.of(amount, "IRR");
    }

    public static MetaData adminRequest() {
        return MetaData.with(Causation.ACTOR_ID, "admin-1").and(Causation.CAUSE_TYPE, Causation.CauseType.ADMIN_REQUEST);
    }

    public static Datacenter datacenter(DatacenterId id, boolean orderable) {
        return new Datacenter(id, "Tehran 1", "تهران ۱", "Tehran", "IR", PLACEMENT, orderable);
    }

    public static Datacenter tehran() {
        return datacenter(TEHRAN, true);
    }

    public static OperatingSystem debian(Map<DatacenterId, String> templates, boolean orderable) {
        return new OperatingSystem(DEBIAN, "Debian 12", "دبیان ۱۲", OperatingSystemFamily.LINUX, "12", templates,
                orderable);
    }

    public static OperatingSystem debian() {
        return debian(Map.of(TEHRAN, "debian-12"), true);
    }

    public static Plan basic(List<DatacenterId> datacenters, boolean orderable) {
        return new Plan(BASIC, "Basic 1", "پایه ۱", new VmSpec(1, 1024, 20, 1000), irr("5000"), irr("3650000"),
                datacenters, orderable, 10);
    }

    public static Plan basic() {
        return basic(List.of(), true);
    }

    public static CustomLimits limits() {
        return new CustomLimits(1, 16, 1024, 65536, 20, 1000);
    }

    public static CustomPricing customPricing(boolean enabled) {
        return new CustomPricing(enabled, irr("600000"), irr("250000"), irr("12000"), limits(), 500);
    }

    public static PeriodDiscounts discounts() {
        return new PeriodDiscounts(Map.of(BillingPeriod.QUARTERLY, new BigDecimal("5"),
                BillingPeriod.SEMI_ANNUAL, new BigDecimal("10"), BillingPeriod.ANNUAL, new BigDecimal("15")));
    }

    public static DatacenterSavedEvent saved(Datacenter datacenter) {
        return new DatacenterSavedEvent(CATALOGUE, datacenter);
    }

    public static OperatingSystemSavedEvent saved(OperatingSystem system) {
        return new OperatingSystemSavedEvent(CATALOGUE, system);
    }

    public static PlanSavedEvent saved(Plan plan) {
        return new PlanSavedEvent(CATALOGUE, plan);
    }

    public static CustomPricingSavedEvent saved(CustomPricing pricing) {
        return new CustomPricingSavedEvent(CATALOGUE, pricing);
    }

    public static PeriodDiscountsSavedEvent saved(PeriodDiscounts discounts) {
        return new PeriodDiscountsSavedEvent(CATALOGUE, discounts);
    }

    public static CatalogueCurrencySetEvent currencySet() {
        return new CatalogueCurrencySetEvent(CATALOGUE, IRR);
    }

    /** Everything above, as the catalogue's history: Tehran, Debian there, the basic plan, custom sizes, discounts. */
    public static List<Object> aCatalogue() {
        return List.of(saved(tehran()), saved(debian()), currencySet(), saved(basic()), saved(customPricing(true)),
                saved(discounts()));
    }
}
