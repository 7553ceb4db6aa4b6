package com.nettoria.command.service;

import com.nettoria.command.catalogue.PriceList;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueCurrencySetEvent;
import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CustomPricingSavedEvent;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.DatacenterSavedEvent;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OperatingSystemSavedEvent;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PeriodDiscountsSavedEvent;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.PlanSavedEvent;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.Money;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalogue ({@code nettoria.catalogue.demo=true}) of the command service on PostgreSQL: loaded into an
 * empty catalogue at start, placed on the vCenter simulator's inventory by default, priced like any catalogue, and
 * left alone by a restart, even one with other settings.
 */
class DemoCatalogueIT {

    private static final String DEMO = "--nettoria.catalogue.demo=true";

    private static EmbeddedPostgres postgres;
    private static List<? extends DomainEventMessage<?>> firstStart;
    private static OrderQuote quoteAfterFirstStart;
    private static List<? extends DomainEventMessage<?>> afterRestart;

    @BeforeAll
    static void startTheServiceTwiceWithTheDemoCatalogue() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        try (ConfigurableApplicationContext service = CommandSideService.start(postgres, DEMO)) {
            firstStart = catalogueEvents(service);
            quoteAfterFirstStart = service.getBean(PriceList.class).quote(new QuoteRequest(new PlanId("standard-2"),
                    null, new DatacenterId("tehran-1"), new OperatingSystemId("ubuntu-24-04"), BillingPeriod.QUARTERLY));
        }
        try (ConfigurableApplicationContext restarted = CommandSideService.start(postgres, DEMO,
                "--nettoria.catalogue.demo-vcenter.datacenter=Production",
                "--nettoria.catalogue.demo-vcenter.cluster=Cluster-A")) {
            afterRestart = catalogueEvents(restarted);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theFirstStartSavesTheWholeDemoCatalogueAsTheSystem() {
        assertThat(firstStart).extracting(event -> (Object) event.getPayloadType()).containsExactly(
                DatacenterSavedEvent.class, OperatingSystemSavedEvent.class, OperatingSystemSavedEvent.class,
                CatalogueCurrencySetEvent.class, PlanSavedEvent.class, PlanSavedEvent.class, PlanSavedEvent.class,
                CustomPricingSavedEvent.class, PeriodDiscountsSavedEvent.class);
        assertThat(firstStart).allSatisfy(event -> {
            assertThat(event.getMetaData().get(Causation.CAUSE_TYPE)).isEqualTo(Causation.CauseType.SYSTEM);
            assertThat(event.getMetaData().get(Causation.CAUSE_ID)).isEqualTo("demo-catalogue");
        });
        assertThat(((CatalogueCurrencySetEvent) firstStart.get(3).getPayload()).currency().getCurrencyCode())
                .isEqualTo("IRR");
    }

    @Test
    void itsDatacenterIsPlacedOnTheVcenterSimulatorsInventoryByDefault() {
        DatacenterSavedEvent tehran = (DatacenterSavedEvent) firstStart.get(0).getPayload();

        assertThat(tehran.datacenter().id()).isEqualTo(new DatacenterId("tehran-1"));
        assertThat(tehran.datacenter().placement()).isEqualTo(new VcenterPlacement("DC0", "DC0_C0", null, null,
                List.of("LocalDS_0", "LocalDS_1"), List.of("DC0_DVPG0")));
    }

    @Test
    void theWriteSidePricesOrdersFromIt() {
        assertThat(quoteAfterFirstStart.spec()).isEqualTo(new VmSpec(2, 4096, 60, 2000));
        assertThat(quoteAfterFirstStart.monthlyPrice()).isEqualTo(Money.of("10950000", "IRR"));
        // 10,950,000 × 3 months × (1 − 5 %)
        assertThat(quoteAfterFirstStart.amountDue()).isEqualTo(Money.of("31207500", "IRR"));
        assertThat(quoteAfterFirstStart.template()).isEqualTo("ubuntu-24-04");
        assertThat(quoteAfterFirstStart.placement().cluster()).isEqualTo("DC0_C0");
    }

    @Test
    void aRestartLoadsNothingAgainEvenWithOtherSettings() {
        assertThat(afterRestart).hasSameSizeAs(firstStart);
        assertThat(afterRestart).extracting(DomainEventMessage::getIdentifier)
                .containsExactlyElementsOf(firstStart.stream().map(DomainEventMessage::getIdentifier).toList());
    }

    private static List<? extends DomainEventMessage<?>> catalogueEvents(ConfigurableApplicationContext service) {
        return service.getBean(EventStore.class).readEvents(CatalogueId.MAIN.value()).asStream().toList();
    }
}
