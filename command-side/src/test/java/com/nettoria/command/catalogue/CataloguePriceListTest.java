package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.ErrorCodes;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.nettoria.command.catalogue.CatalogueTestData.BASIC;
import static com.nettoria.command.catalogue.CatalogueTestData.DEBIAN;
import static com.nettoria.command.catalogue.CatalogueTestData.PLACEMENT;
import static com.nettoria.command.catalogue.CatalogueTestData.TABRIZ;
import static com.nettoria.command.catalogue.CatalogueTestData.TEHRAN;
import static com.nettoria.command.catalogue.CatalogueTestData.aCatalogue;
import static com.nettoria.command.catalogue.CatalogueTestData.basic;
import static com.nettoria.command.catalogue.CatalogueTestData.customPricing;
import static com.nettoria.command.catalogue.CatalogueTestData.datacenter;
import static com.nettoria.command.catalogue.CatalogueTestData.debian;
import static com.nettoria.command.catalogue.CatalogueTestData.irr;
import static com.nettoria.command.catalogue.CatalogueTestData.saved;
import static com.nettoria.command.catalogue.CatalogueTestData.tehran;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write side's price list over a real event-sourcing repository: the catalogue is loaded from its events, as
 * order placement will load it, and quotes or refuses with the typed exception of the rule broken.
 */
class CataloguePriceListTest {

    private EventStore eventStore;
    private PriceList priceList;
    private final List<Object> history = new ArrayList<>();

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        priceList = new CataloguePriceList(EventSourcingRepository.builder(Catalogue.class).eventStore(eventStore).build());
    }

    @Test
    void quotesAPlanWithItsOwnPricesThePeriodDiscountAndWhereItGoesInVcenter() {
        given(aCatalogue());

        OrderQuote quote = priceList.quote(planRequest(BillingPeriod.QUARTERLY));

        assertThat(quote).isEqualTo(new OrderQuote(BASIC, basic().spec(), TEHRAN, DEBIAN, BillingPeriod.QUARTERLY,
                irr("5000"), irr("3650000"), new BigDecimal("5.00"), irr("10402500"), PLACEMENT, "debian-12"));
    }

    @Test
    void hourlyBillingChargesTheFirstHour() {
        given(aCatalogue());

        OrderQuote quote = priceList.quote(planRequest(BillingPeriod.HOURLY));

        assertThat(quote.amountDue()).isEqualTo(irr("5000"));
        assertThat(quote.discountPercent()).isEqualByComparingTo("0");
    }

    @Test
    void quotesACustomSizeFromItsUnitPricesWithTheCataloguesTrafficAllowance() {
        given(aCatalogue());

        OrderQuote quote = priceList.quote(customRequest(new VmSpec(2, 4096, 60, 0), BillingPeriod.ANNUAL));

        assertThat(quote.planId()).isNull();
        assertThat(quote.spec()).isEqualTo(new VmSpec(2, 4096, 60, 500));
        assertThat(quote.monthlyPrice()).isEqualTo(irr("2920000"));
        assertThat(quote.hourlyPrice()).isEqualTo(irr("4000"));
        assertThat(quote.amountDue()).isEqualTo(irr("29784000"));
        assertThat(quote.template()).isEqualTo("debian-12");
    }

    @Test
    void quotesInsideAUnitOfWorkAlreadyRunningAsAnOrdersCommandHandlerWould() {
        given(aCatalogue());

        OrderQuote quote = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> priceList.quote(planRequest(BillingPeriod.MONTHLY))).getPayload();

        assertThat(quote.amountDue()).isEqualTo(irr("3650000"));
    }

    @Test
    void refusesAnUnknownOrWithdrawnDatacenter() {
        given(aCatalogue());
        assertRefused(new QuoteRequest(BASIC, null, TABRIZ, DEBIAN, BillingPeriod.MONTHLY),
                UnknownDatacenterException.class, ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER, "datacenterId");

        given(saved(datacenter(TEHRAN, false)));
        assertRefused(planRequest(BillingPeriod.MONTHLY), NotOrderableException.class,
                ErrorCodes.CATALOGUE_NOT_ORDERABLE, "datacenterId");
    }

    @Test
    void refusesAnUnknownOrWithdrawnOperatingSystemAndOneWithoutATemplateThere() {
        given(aCatalogue());
        assertRefused(new QuoteRequest(BASIC, null, TEHRAN, new OperatingSystemId("plan-9"), BillingPeriod.MONTHLY),
                UnknownOperatingSystemException.class, ErrorCodes.CATALOGUE_UNKNOWN_OPERATING_SYSTEM,
                "operatingSystemId");

        given(saved(debian(Map.of(TEHRAN, "debian-12"), false)));
        assertRefused(planRequest(BillingPeriod.MONTHLY), NotOrderableException.class,
                ErrorCodes.CATALOGUE_NOT_ORDERABLE, "operatingSystemId");

        given(saved(datacenter(TABRIZ, true)), saved(debian(Map.of(TABRIZ, "debian-12"), true)));
        assertRefused(planRequest(BillingPeriod.MONTHLY), NoTemplateException.class,
                ErrorCodes.CATALOGUE_NO_TEMPLATE, "operatingSystemId");
    }

    @Test
    void refusesAnUnknownOrWithdrawnPlanAndOneNotOfferedInTheDatacenter() {
        given(aCatalogue());
        assertRefused(new QuoteRequest(new PlanId("huge-64"), null, TEHRAN, DEBIAN, BillingPeriod.MONTHLY),
                UnknownPlanException.class, ErrorCodes.CATALOGUE_UNKNOWN_PLAN, "planId");

        given(saved(datacenter(TABRIZ, true)), saved(basic(List.of(TABRIZ), true)));
        assertRefused(planRequest(BillingPeriod.MONTHLY), PlanNotInDatacenterException.class,
                ErrorCodes.CATALOGUE_PLAN_NOT_IN_DATACENTER, "planId");

        given(saved(basic(List.of(), false)));
        assertRefused(planRequest(BillingPeriod.MONTHLY), NotOrderableException.class,
                ErrorCodes.CATALOGUE_NOT_ORDERABLE, "planId");
    }

    @Test
    void refusesCustomSizesWhileTheyAreSwitchedOffOrNeverPriced() {
        given(saved(tehran()), saved(debian()));
        assertRefused(customRequest(new VmSpec(2, 4096, 60, 0), BillingPeriod.MONTHLY), CustomDisabledException.class,
                ErrorCodes.CATALOGUE_CUSTOM_DISABLED, "custom");

        given(saved(customPricing(false)));
        assertRefused(customRequest(new VmSpec(2, 4096, 60, 0), BillingPeriod.MONTHLY), CustomDisabledException.class,
                ErrorCodes.CATALOGUE_CUSTOM_DISABLED, "custom");
    }

    @Test
    void refusesACustomSizeOutsideTheLimitsNamingTheResource() {
        given(aCatalogue());
        assertRefused(customRequest(new VmSpec(17, 4096, 60, 0), BillingPeriod.MONTHLY), SpecOutOfRangeException.class,
                ErrorCodes.CATALOGUE_SPEC_OUT_OF_RANGE, "spec.vcpus");
        assertRefused(customRequest(new VmSpec(2, 512, 60, 0), BillingPeriod.MONTHLY), SpecOutOfRangeException.class,
                ErrorCodes.CATALOGUE_SPEC_OUT_OF_RANGE, "spec.memoryMib");
        assertRefused(customRequest(new VmSpec(2, 4096, 1001, 0), BillingPeriod.MONTHLY), SpecOutOfRangeException.class,
                ErrorCodes.CATALOGUE_SPEC_OUT_OF_RANGE, "spec.diskGib");
    }

    @Test
    void aCatalogueWithNoEventsKnowsNoDatacenter() {
        assertRefused(planRequest(BillingPeriod.MONTHLY), UnknownDatacenterException.class,
                ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER, "datacenterId");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void given(Object... events) {
        given(List.of(events));
    }

    private void given(List<Object> events) {
        for (Object event : events) {
            eventStore.publish(new GenericDomainEventMessage<>("Catalogue", CatalogueTestData.CATALOGUE.value(),
                    history.size(), event));
            history.add(event);
        }
    }

    private static QuoteRequest planRequest(BillingPeriod period) {
        return new QuoteRequest(BASIC, null, TEHRAN, DEBIAN, period);
    }

    private static QuoteRequest customRequest(VmSpec spec, BillingPeriod period) {
        return new QuoteRequest(null, spec, TEHRAN, DEBIAN, period);
    }

    private void assertRefused(QuoteRequest request, Class<? extends BusinessRuleViolation> type, String code,
                               String field) {
        assertThatThrownBy(() -> priceList.quote(request))
                .isInstanceOf(type)
                .satisfies(refusal -> {
                    assertThat(((BusinessRuleViolation) refusal).error().code()).isEqualTo(code);
                    assertThat(((BusinessRuleViolation) refusal).error().field()).isEqualTo(field);
                });
    }
}
