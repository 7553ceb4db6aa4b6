package com.nettoria.query.catalogue;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueCurrencySetEvent;
import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.CustomLimits;
import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.CustomPricingSavedEvent;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.DatacenterSavedEvent;
import com.nettoria.coreapi.catalogue.FindCatalogueQuery;
import com.nettoria.coreapi.catalogue.OperatingSystem;
import com.nettoria.coreapi.catalogue.OperatingSystemFamily;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OperatingSystemSavedEvent;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.PeriodDiscountsSavedEvent;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.PlanSavedEvent;
import com.nettoria.coreapi.catalogue.QuoteOrderQuery;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import io.zonky.test.db.postgres.embedded.DatabasePreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryExecutionException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue read model against a real PostgreSQL with the query side's own migrations (one database for the
 * class, emptied before each test). Events reach the projection through Axon's annotation adapter with the
 * catalogue's sequence numbers, as a processor hands them over; the read model is checked through the projection's
 * own query handlers and with SQL.
 */
class CatalogueProjectionIT {

    private static final DatabasePreparer QUERY_SIDE_SCHEMA = dataSource -> Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/query")
            .load()
            .migrate();

    @RegisterExtension
    static final PreparedDbExtension DATABASE = EmbeddedPostgresExtension.preparedDatabase(QUERY_SIDE_SCHEMA);

    private static final CatalogueId MAIN = CatalogueId.MAIN;
    private static final DatacenterId TEHRAN = new DatacenterId("tehran-1");
    private static final DatacenterId TABRIZ = new DatacenterId("tabriz-1");
    private static final OperatingSystemId DEBIAN = new OperatingSystemId("debian-12");
    private static final OperatingSystemId WINDOWS = new OperatingSystemId("windows-2022");
    private static final PlanId BASIC = new PlanId("basic-1");
    private static final PlanId NORTH = new PlanId("north-2");
    private static final PlanId OLD = new PlanId("old-1");
    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    private static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC0", "DC0_C0", null, "VMs",
            List.of("LocalDS_0", "LocalDS_1"), List.of("DC0_DVPG0"));

    private static final Datacenter TEHRAN_DC = new Datacenter(TEHRAN, "Tehran 1", "تهران ۱", "Tehran", "IR",
            PLACEMENT, true);
    private static final Datacenter TABRIZ_CLOSED = new Datacenter(TABRIZ, "Tabriz 1", "تبریز ۱", "Tabriz", "IR",
            new VcenterPlacement("DC1", "DC1_C0", "Pool", null, List.of("SAN"), List.of("VLAN-7", "VLAN-8")), false);
    private static final OperatingSystem DEBIAN_OS = new OperatingSystem(DEBIAN, "Debian 12", "دبیان ۱۲",
            OperatingSystemFamily.LINUX, "12", Map.of(TEHRAN, "debian-12", TABRIZ, "tpl-debian"), true);
    private static final OperatingSystem WINDOWS_ONLY_IN_TABRIZ = new OperatingSystem(WINDOWS, "Windows Server 2022",
            "ویندوز سرور ۲۰۲۲", OperatingSystemFamily.WINDOWS, "2022", Map.of(TABRIZ, "win-2022"), true);
    private static final Plan BASIC_PLAN = new Plan(BASIC, "Basic 1", "پایه ۱", new VmSpec(1, 1024, 20, 1000),
            irr("5000"), irr("3650000"), List.of(), true, 10);
    private static final Plan NORTH_ONLY = new Plan(NORTH, "North 2", "شمال ۲", new VmSpec(2, 2048, 40, 0),
            irr("9000"), irr("6570000"), List.of(TABRIZ), true, 5);
    private static final Plan OLD_WITHDRAWN = new Plan(OLD, "Old 1", "قدیمی ۱", new VmSpec(1, 512, 10, 0),
            irr("1000"), irr("730000"), List.of(TEHRAN), false, 1);
    private static final CustomPricing CUSTOM = new CustomPricing(true, irr("600000"), irr("250000"), irr("12000"),
            new CustomLimits(1, 16, 1024, 65536, 20, 1000), 500);
    private static final PeriodDiscounts DISCOUNTS = new PeriodDiscounts(Map.of(
            BillingPeriod.QUARTERLY, new BigDecimal("5"), BillingPeriod.SEMI_ANNUAL, new BigDecimal("10"),
            BillingPeriod.ANNUAL, new BigDecimal("15")));

    private JdbcTemplate jdbc;
    private CatalogueProjection projection;
    private AnnotationEventHandlerAdapter processor;
    private final List<DomainEventMessage<?>> history = new ArrayList<>();

    @BeforeEach
    void newProjectionOnAnEmptyReadModel() {
        jdbc = new JdbcTemplate(DATABASE.getTestDatabase());
        jdbc.execute("TRUNCATE catalogue, catalogue_datacenter, catalogue_operating_system, catalogue_os_template, "
                + "catalogue_plan, catalogue_custom_pricing, catalogue_period_discount");
        projection = new CatalogueProjection(jdbc);
        processor = new AnnotationEventHandlerAdapter(projection);
    }

    @Test
    void anEmptyCatalogueHasNoCurrencyNothingToOrderNoCustomSizesAndNoDiscounts() {
        CatalogueView catalogue = full();

        assertThat(catalogue.catalogueId()).isEqualTo(MAIN);
        assertThat(catalogue.currency()).isNull();
        assertThat(catalogue.datacenters()).isEmpty();
        assertThat(catalogue.operatingSystems()).isEmpty();
        assertThat(catalogue.plans()).isEmpty();
        assertThat(catalogue.custom()).isNull();
        assertThat(catalogue.discounts()).isEqualTo(PeriodDiscounts.NONE);
        assertRefused(planQuote(BASIC, BillingPeriod.MONTHLY), ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER, "datacenterId");
    }

    @Test
    void theFullCatalogueShowsEverythingExactlyAsSavedWithdrawnThingsIncluded() {
        aCatalogue();

        CatalogueView catalogue = full();

        assertThat(catalogue.currency().getCurrencyCode()).isEqualTo("IRR");
        assertThat(catalogue.datacenters()).containsExactly(TABRIZ_CLOSED, TEHRAN_DC);
        assertThat(catalogue.operatingSystems()).containsExactly(DEBIAN_OS, WINDOWS_ONLY_IN_TABRIZ);
        assertThat(catalogue.plans()).containsExactly(OLD_WITHDRAWN, NORTH_ONLY, BASIC_PLAN);
        assertThat(catalogue.custom()).isEqualTo(CUSTOM);
        assertThat(catalogue.discounts()).isEqualTo(DISCOUNTS);
    }

    @Test
    void theOrderableViewHoldsOnlyWhatCustomersCanOrderNowAndWhere() {
        aCatalogue();

        CatalogueView orderable = projection.handle(new FindCatalogueQuery(MAIN, true));

        assertThat(orderable.datacenters()).containsExactly(TEHRAN_DC);
        assertThat(orderable.operatingSystems()).singleElement().satisfies(system -> {
            assertThat(system.id()).isEqualTo(DEBIAN);
            assertThat(system.templates()).isEqualTo(Map.of(TEHRAN, "debian-12"));
        });
        assertThat(orderable.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.id()).isEqualTo(BASIC);
            assertThat(plan.datacenters()).containsExactly(TEHRAN);
        });
        assertThat(orderable.custom()).isEqualTo(CUSTOM);
        assertThat(orderable.discounts()).isEqualTo(DISCOUNTS);
    }

    @Test
    void aLaterSaveReplacesTheWholeThingTemplatesIncluded() {
        aCatalogue();
        OperatingSystem onlyTehranNow = new OperatingSystem(DEBIAN, "Debian 12 (bookworm)", "دبیان ۱۲",
                OperatingSystemFamily.LINUX, "12.8", Map.of(TEHRAN, "debian-12-8"), false);
        Datacenter tabrizOpened = new Datacenter(TABRIZ, "Tabriz 1", "تبریز ۱", "Tabriz", "IR",
                PLACEMENT, true);

        handle(new OperatingSystemSavedEvent(MAIN, onlyTehranNow), new DatacenterSavedEvent(MAIN, tabrizOpened),
                new PeriodDiscountsSavedEvent(MAIN, PeriodDiscounts.NONE));

        CatalogueView catalogue = full();
        assertThat(catalogue.operatingSystem(DEBIAN)).contains(onlyTehranNow);
        assertThat(catalogue.datacenter(TABRIZ)).contains(tabrizOpened);
        assertThat(catalogue.discounts()).isEqualTo(PeriodDiscounts.NONE);
        assertThat(jdbc.queryForList("SELECT template FROM catalogue_os_template WHERE operating_system_id = ?",
                String.class, DEBIAN.value())).containsExactly("debian-12-8");
    }

    @Test
    void theSameEventAgainOrAnOlderOneChangesNothing() {
        aCatalogue();
        String before = everything();

        history.forEach(this::redeliver);
        redeliver(message(0, new DatacenterSavedEvent(MAIN, new Datacenter(TEHRAN, "Stale", null, null, null,
                PLACEMENT, false))));
        redeliver(message(1, new OperatingSystemSavedEvent(MAIN, new OperatingSystem(DEBIAN, "Stale", null,
                OperatingSystemFamily.OTHER, null, Map.of(), false))));

        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aReplayFromZeroAfterTheResetRebuildsTheSameReadModel() {
        aCatalogue();
        String before = everything();

        processor.prepareReset();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM catalogue_datacenter", Long.class)).isZero();
        assertThat(full().plans()).isEmpty();
        history.forEach(this::redeliver);

        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void quotesAPlanByTheCataloguesRules() {
        aCatalogue();

        OrderQuote quote = projection.handle(new QuoteOrderQuery(planQuote(BASIC, BillingPeriod.SEMI_ANNUAL)));

        // 3,650,000 × 6 × (1 − 10 %)
        assertThat(quote).isEqualTo(new OrderQuote(BASIC, BASIC_PLAN.spec(), TEHRAN, DEBIAN, BillingPeriod.SEMI_ANNUAL,
                irr("5000"), irr("3650000"), new BigDecimal("10.00"), irr("19710000"), PLACEMENT, "debian-12"));
    }

    @Test
    void quotesACustomSizeFromItsUnitPrices() {
        aCatalogue();

        OrderQuote quote = projection.handle(new QuoteOrderQuery(new QuoteRequest(null, new VmSpec(2, 4096, 60, 0),
                TEHRAN, DEBIAN, BillingPeriod.QUARTERLY)));

        assertThat(quote.spec()).isEqualTo(new VmSpec(2, 4096, 60, 500));
        assertThat(quote.monthlyPrice()).isEqualTo(irr("2920000"));
        assertThat(quote.hourlyPrice()).isEqualTo(irr("4000"));
        assertThat(quote.amountDue()).isEqualTo(irr("8322000"));
    }

    @Test
    void refusesWhatCannotBeOrderedWithTheBusinessErrorOfTheRuleBroken() {
        aCatalogue();

        assertRefused(new QuoteRequest(BASIC, null, TABRIZ, DEBIAN, BillingPeriod.MONTHLY),
                ErrorCodes.CATALOGUE_NOT_ORDERABLE, "datacenterId");
        assertRefused(new QuoteRequest(BASIC, null, TEHRAN, WINDOWS, BillingPeriod.MONTHLY),
                ErrorCodes.CATALOGUE_NO_TEMPLATE, "operatingSystemId");
        assertRefused(planQuote(OLD, BillingPeriod.MONTHLY), ErrorCodes.CATALOGUE_NOT_ORDERABLE, "planId");
        assertRefused(planQuote(NORTH, BillingPeriod.MONTHLY), ErrorCodes.CATALOGUE_PLAN_NOT_IN_DATACENTER, "planId");
        assertRefused(planQuote(new PlanId("nope-1"), BillingPeriod.MONTHLY), ErrorCodes.CATALOGUE_UNKNOWN_PLAN,
                "planId");
        assertRefused(new QuoteRequest(null, new VmSpec(32, 4096, 60, 0), TEHRAN, DEBIAN, BillingPeriod.MONTHLY),
                ErrorCodes.CATALOGUE_SPEC_OUT_OF_RANGE, "spec.vcpus");
        handle(new CustomPricingSavedEvent(MAIN, new CustomPricing(false, CUSTOM.monthlyPricePerVcpu(),
                CUSTOM.monthlyPricePerGibMemory(), CUSTOM.monthlyPricePerGibDisk(), CUSTOM.limits(), 0)));
        assertRefused(new QuoteRequest(null, new VmSpec(2, 4096, 60, 0), TEHRAN, DEBIAN, BillingPeriod.MONTHLY),
                ErrorCodes.CATALOGUE_CUSTOM_DISABLED, "custom");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private void aCatalogue() {
        handle(new DatacenterSavedEvent(MAIN, TEHRAN_DC),
                new DatacenterSavedEvent(MAIN, TABRIZ_CLOSED),
                new OperatingSystemSavedEvent(MAIN, DEBIAN_OS),
                new OperatingSystemSavedEvent(MAIN, WINDOWS_ONLY_IN_TABRIZ),
                new CatalogueCurrencySetEvent(MAIN, Money.of("1", "IRR").currency()),
                new PlanSavedEvent(MAIN, BASIC_PLAN),
                new PlanSavedEvent(MAIN, NORTH_ONLY),
                new PlanSavedEvent(MAIN, OLD_WITHDRAWN),
                new CustomPricingSavedEvent(MAIN, CUSTOM),
                new PeriodDiscountsSavedEvent(MAIN, DISCOUNTS));
    }

    private void handle(Object... payloads) {
        for (Object payload : payloads) {
            DomainEventMessage<?> message = message(history.size(), payload);
            history.add(message);
            redeliver(message);
        }
    }

    private void redeliver(DomainEventMessage<?> message) {
        try {
            processor.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainEventMessage<?> message(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Catalogue", MAIN.value(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), START.plusSeconds(sequence));
    }

    private CatalogueView full() {
        return projection.handle(new FindCatalogueQuery(MAIN, false));
    }

    private static QuoteRequest planQuote(PlanId plan, BillingPeriod period) {
        return new QuoteRequest(plan, null, TEHRAN, DEBIAN, period);
    }

    private void assertRefused(QuoteRequest request, String code, String field) {
        assertThatThrownBy(() -> projection.handle(new QuoteOrderQuery(request)))
                .isInstanceOfSatisfying(QueryExecutionException.class, refusal -> {
                    BusinessError error = (BusinessError) refusal.getDetails().orElseThrow();
                    assertThat(error.code()).isEqualTo(code);
                    assertThat(error.field()).isEqualTo(field);
                });
    }

    /** Every catalogue table as JSON text: to compare the read model before and after. */
    private String everything() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("catalogue", "catalogue_datacenter", "catalogue_operating_system",
                "catalogue_os_template", "catalogue_plan", "catalogue_custom_pricing", "catalogue_period_discount")) {
            all.append(table).append(": ").append(jdbc.queryForList(
                    "SELECT row_to_json(t)::text FROM " + table + " t ORDER BY row_to_json(t)::text", String.class))
                    .append('\n');
        }
        return all.toString();
    }

    private static Money irr(String amount) {
        return Money.of(amount, "IRR");
    }
}
