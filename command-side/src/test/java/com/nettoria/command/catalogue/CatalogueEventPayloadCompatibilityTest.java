package com.nettoria.command.catalogue;

import com.nettoria.command.common.StoredEventPayloads;
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
import com.nettoria.coreapi.common.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept forever: the catalogue events as the event store holds them since v1 must still deserialize to
 * the same values (datacenter ids as map keys included), and today's events must serialize to exactly the same
 * fields (no helper such as {@code OperatingSystem.templateIn} leaking into the payload). Changing an event means a
 * {@code @Revision} and an upcaster, never editing this file.
 */
class CatalogueEventPayloadCompatibilityTest {

    private static final CatalogueId MAIN = new CatalogueId("main");
    private static final DatacenterId TEHRAN = new DatacenterId("tehran-1");
    private static final DatacenterId TABRIZ = new DatacenterId("tabriz-1");

    private static final StoredEventPayloads STORED = new StoredEventPayloads("/events/catalogue-events-v1.json");

    private static final Map<Class<?>, Object> EXPECTED = Map.of(
            DatacenterSavedEvent.class, new DatacenterSavedEvent(MAIN, new Datacenter(TEHRAN, "Tehran 1", "تهران ۱",
                    "Tehran", "IR", new VcenterPlacement("DC0", "DC0_C0", "Resources", null,
                    List.of("LocalDS_0", "LocalDS_1"), List.of("DC0_DVPG0")), true)),
            OperatingSystemSavedEvent.class, new OperatingSystemSavedEvent(MAIN, new OperatingSystem(
                    new OperatingSystemId("debian-12"), "Debian 12", "دبیان ۱۲", OperatingSystemFamily.LINUX, "12",
                    Map.of(TEHRAN, "debian-12", TABRIZ, "tpl-debian-12"), true)),
            PlanSavedEvent.class, new PlanSavedEvent(MAIN, new Plan(new PlanId("standard-2"), "Standard 2",
                    "استاندارد ۲", new VmSpec(2, 4096, 60, 2000), Money.of("15000", "IRR"),
                    Money.of("10950000", "IRR"), List.of(TEHRAN), false, 20)),
            CustomPricingSavedEvent.class, new CustomPricingSavedEvent(MAIN, new CustomPricing(true,
                    Money.of("2200000", "IRR"), Money.of("1100000", "IRR"), Money.of("45000", "IRR"),
                    new CustomLimits(1, 16, 1024, 65536, 20, 1000), 1000)),
            PeriodDiscountsSavedEvent.class, new PeriodDiscountsSavedEvent(MAIN, new PeriodDiscounts(Map.of(
                    BillingPeriod.QUARTERLY, new BigDecimal("5"), BillingPeriod.SEMI_ANNUAL, new BigDecimal("10"),
                    BillingPeriod.ANNUAL, new BigDecimal("12.5")))),
            CatalogueCurrencySetEvent.class, new CatalogueCurrencySetEvent(MAIN, Currency.getInstance("IRR")));

    @Test
    void storedV1PayloadsStillDeserializeToTheSameEvents() throws IOException {
        STORED.assertStoredPayloadsDeserializeTo(EXPECTED);
    }

    @Test
    void todaysEventsSerializeToExactlyTheStoredFields() throws IOException {
        STORED.assertEventsSerializeToStoredPayloads(EXPECTED);
    }

    @Test
    void unknownFieldsAddedByALaterVersionAreIgnoredWhenReading() {
        String json = "{\"catalogueId\":{\"value\":\"main\"},\"currency\":\"IRR\",\"reason\":\"launch\"}";
        assertThat(STORED.read(CatalogueCurrencySetEvent.class, json))
                .isEqualTo(new CatalogueCurrencySetEvent(MAIN, Currency.getInstance("IRR")));
    }
}
