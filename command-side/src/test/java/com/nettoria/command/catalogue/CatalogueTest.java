package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.command.common.MissingCausationException;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CustomLimits;
import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.SaveCustomPricingCommand;
import com.nettoria.coreapi.catalogue.SaveDatacenterCommand;
import com.nettoria.coreapi.catalogue.SaveOperatingSystemCommand;
import com.nettoria.coreapi.catalogue.SavePeriodDiscountsCommand;
import com.nettoria.coreapi.catalogue.SavePlanCommand;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.nettoria.command.catalogue.CatalogueTestData.BASIC;
import static com.nettoria.command.catalogue.CatalogueTestData.CATALOGUE;
import static com.nettoria.command.catalogue.CatalogueTestData.TABRIZ;
import static com.nettoria.command.catalogue.CatalogueTestData.TEHRAN;
import static com.nettoria.command.catalogue.CatalogueTestData.aCatalogue;
import static com.nettoria.command.catalogue.CatalogueTestData.adminRequest;
import static com.nettoria.command.catalogue.CatalogueTestData.basic;
import static com.nettoria.command.catalogue.CatalogueTestData.currencySet;
import static com.nettoria.command.catalogue.CatalogueTestData.customPricing;
import static com.nettoria.command.catalogue.CatalogueTestData.datacenter;
import static com.nettoria.command.catalogue.CatalogueTestData.debian;
import static com.nettoria.command.catalogue.CatalogueTestData.discounts;
import static com.nettoria.command.catalogue.CatalogueTestData.irr;
import static com.nettoria.command.catalogue.CatalogueTestData.limits;
import static com.nettoria.command.catalogue.CatalogueTestData.saved;
import static com.nettoria.command.catalogue.CatalogueTestData.tehran;

class CatalogueTest {

    private FixtureConfiguration<Catalogue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Catalogue.class);
    }

    // ---- datacenters ------------------------------------------------------------------------------------------

    @Test
    void theFirstSaveCreatesTheCatalogueAndRecordsTheWholeDatacenter() {
        fixture.givenNoPriorActivity()
                .when(new SaveDatacenterCommand(CATALOGUE, tehran()), adminRequest())
                .expectSuccessfulHandlerExecution()
                .expectEvents(saved(tehran()));
    }

    @Test
    void savingADatacenterAgainUnchangedRecordsNothing() {
        fixture.given(saved(tehran()))
                .when(new SaveDatacenterCommand(CATALOGUE, tehran()), adminRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDatacenterIsWithdrawnFromSaleBySavingItNotOrderableNeverDeleted() {
        fixture.given(saved(tehran()))
                .when(new SaveDatacenterCommand(CATALOGUE, datacenter(TEHRAN, false)), adminRequest())
                .expectEvents(saved(datacenter(TEHRAN, false)));
    }

    @Test
    void refusesChangesThatDoNotSayWhoMadeThemAndWhy() {
        fixture.givenNoPriorActivity()
                .when(new SaveDatacenterCommand(CATALOGUE, tehran()), MetaData.with(Causation.ACTOR_ID, "admin-1"))
                .expectException(MissingCausationException.class)
                .expectNoEvents();
        fixture.given(saved(tehran()))
                .when(new SavePlanCommand(CATALOGUE, basic()), MetaData.emptyInstance())
                .expectException(MissingCausationException.class)
                .expectNoEvents();
    }

    // ---- operating systems ------------------------------------------------------------------------------------

    @Test
    void savesAnOperatingSystemWithItsTemplatePerDatacenter() {
        fixture.given(saved(tehran()))
                .when(new SaveOperatingSystemCommand(CATALOGUE, debian()), adminRequest())
                .expectEvents(saved(debian()));
    }

    @Test
    void savingAnOperatingSystemAgainUnchangedRecordsNothing() {
        fixture.given(saved(tehran()), saved(debian()))
                .when(new SaveOperatingSystemCommand(CATALOGUE, debian(Map.of(TEHRAN, "debian-12"), true)),
                        adminRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesATemplateInADatacenterTheCatalogueDoesNotKnow() {
        fixture.given(saved(tehran()))
                .when(new SaveOperatingSystemCommand(CATALOGUE,
                        debian(Map.of(TEHRAN, "debian-12", TABRIZ, "debian-12"), true)), adminRequest())
                .expectException(refusal(UnknownDatacenterException.class, ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER,
                        "templates"))
                .expectNoEvents();
    }

    // ---- plans ------------------------------------------------------------------------------------------------

    @Test
    void theFirstPriceSetsTheCatalogueCurrencyOnce() {
        fixture.given(saved(tehran()))
                .when(new SavePlanCommand(CATALOGUE, basic()), adminRequest())
                .expectEvents(currencySet(), saved(basic()));
    }

    @Test
    void laterPricesLeaveTheCurrencyAsItIs() {
        Plan dearer = new Plan(BASIC, "Basic 1", "پایه ۱", new VmSpec(1, 1024, 20, 1000), irr("6000"),
                irr("4000000"), List.of(TEHRAN), true, 10);

        fixture.given(saved(tehran()), currencySet(), saved(basic()))
                .when(new SavePlanCommand(CATALOGUE, dearer), adminRequest())
                .expectEvents(saved(dearer));
    }

    @Test
    void savingAPlanAgainUnchangedRecordsNothing() {
        fixture.given(saved(tehran()), currencySet(), saved(basic()))
                .when(new SavePlanCommand(CATALOGUE, basic()), adminRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWithdrawnPlanStaysInTheCatalogueNotOrderable() {
        fixture.given(saved(tehran()), currencySet(), saved(basic()))
                .when(new SavePlanCommand(CATALOGUE, basic(List.of(), false)), adminRequest())
                .expectEvents(saved(basic(List.of(), false)));
    }

    @Test
    void refusesPricesInAnotherCurrencyThanTheCatalogues() {
        Plan inDollars = planPriced(Money.of("0.10", "USD"), Money.of("70", "USD"));

        fixture.given(saved(tehran()), currencySet(), saved(basic()))
                .when(new SavePlanCommand(CATALOGUE, inDollars), adminRequest())
                .expectException(refusal(CatalogueCurrencyMismatchException.class,
                        ErrorCodes.CATALOGUE_CURRENCY_MISMATCH, "hourlyPrice"))
                .expectNoEvents();
    }

    @Test
    void refusesAFirstPlanWhosePricesMixCurrencies() {
        fixture.given(saved(tehran()))
                .when(new SavePlanCommand(CATALOGUE, planPriced(irr("5000"), Money.of("70", "USD"))), adminRequest())
                .expectException(refusal(CatalogueCurrencyMismatchException.class,
                        ErrorCodes.CATALOGUE_CURRENCY_MISMATCH, "monthlyPrice"))
                .expectNoEvents();
    }

    @Test
    void refusesPricesOfZeroOrLess() {
        fixture.given(saved(tehran()))
                .when(new SavePlanCommand(CATALOGUE, planPriced(irr("0"), irr("3650000"))), adminRequest())
                .expectException(refusal(PriceNotPositiveException.class, ErrorCodes.CATALOGUE_PRICE_NOT_POSITIVE,
                        "hourlyPrice"))
                .expectNoEvents();
        fixture.given(saved(tehran()))
                .when(new SavePlanCommand(CATALOGUE, planPriced(irr("5000"), irr("-1"))), adminRequest())
                .expectException(refusal(PriceNotPositiveException.class, ErrorCodes.CATALOGUE_PRICE_NOT_POSITIVE,
                        "monthlyPrice"))
                .expectNoEvents();
    }

    @Test
    void refusesAPlanOfferedInADatacenterTheCatalogueDoesNotKnow() {
        fixture.given(saved(tehran()))
                .when(new SavePlanCommand(CATALOGUE, basic(List.of(TEHRAN, TABRIZ), true)), adminRequest())
                .expectException(refusal(UnknownDatacenterException.class, ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER,
                        "datacenters"))
                .expectNoEvents();
    }

    // ---- custom sizes -----------------------------------------------------------------------------------------

    @Test
    void savesCustomPricingAndSetsTheCurrencyWithTheFirstPrice() {
        fixture.givenNoPriorActivity()
                .when(new SaveCustomPricingCommand(CATALOGUE, customPricing(true)), adminRequest())
                .expectEvents(currencySet(), saved(customPricing(true)));
    }

    @Test
    void switchingCustomSizesOffIsASaveAndSavingItAgainRecordsNothing() {
        fixture.given(currencySet(), saved(customPricing(true)))
                .when(new SaveCustomPricingCommand(CATALOGUE, customPricing(false)), adminRequest())
                .expectEvents(saved(customPricing(false)));
        fixture.given(currencySet(), saved(customPricing(false)))
                .when(new SaveCustomPricingCommand(CATALOGUE, customPricing(false)), adminRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesLimitsWhoseMinimumIsAboveTheMaximum() {
        CustomPricing upsideDown = withLimits(new CustomLimits(1, 16, 8192, 4096, 20, 1000));

        fixture.given(currencySet())
                .when(new SaveCustomPricingCommand(CATALOGUE, upsideDown), adminRequest())
                .expectException(refusal(InvalidLimitsException.class, ErrorCodes.CATALOGUE_INVALID_LIMITS,
                        "limits.maxMemoryMib"))
                .expectNoEvents();
    }

    @Test
    void refusesLimitsBelowWhatAnyVmNeeds() {
        fixture.given(currencySet())
                .when(new SaveCustomPricingCommand(CATALOGUE, withLimits(new CustomLimits(0, 16, 1024, 4096, 20, 1000))),
                        adminRequest())
                .expectException(refusal(InvalidLimitsException.class, ErrorCodes.CATALOGUE_INVALID_LIMITS,
                        "limits.minVcpus"))
                .expectNoEvents();
    }

    @Test
    void refusesCustomPricesInAnotherCurrencyOrOfZero() {
        CustomPricing mixed = new CustomPricing(true, irr("600000"), Money.of("3", "USD"), irr("12000"), limits(), 0);
        CustomPricing free = new CustomPricing(true, irr("600000"), irr("250000"), irr("0"), limits(), 0);

        fixture.given(currencySet())
                .when(new SaveCustomPricingCommand(CATALOGUE, mixed), adminRequest())
                .expectException(refusal(CatalogueCurrencyMismatchException.class,
                        ErrorCodes.CATALOGUE_CURRENCY_MISMATCH, "monthlyPricePerGibMemory"));
        fixture.given(currencySet())
                .when(new SaveCustomPricingCommand(CATALOGUE, free), adminRequest())
                .expectException(refusal(PriceNotPositiveException.class, ErrorCodes.CATALOGUE_PRICE_NOT_POSITIVE,
                        "monthlyPricePerGibDisk"));
    }

    // ---- period discounts -------------------------------------------------------------------------------------

    @Test
    void savesTheDiscountOfEveryPeriodWithZeroForThoseNotGiven() {
        fixture.given(saved(tehran()))
                .when(new SavePeriodDiscountsCommand(CATALOGUE, new PeriodDiscounts(Map.of(
                        BillingPeriod.QUARTERLY, new BigDecimal("5"), BillingPeriod.SEMI_ANNUAL, new BigDecimal("10.0"),
                        BillingPeriod.ANNUAL, new BigDecimal("15.00")))), adminRequest())
                .expectEvents(saved(discounts()));
    }

    @Test
    void savingTheSameDiscountsAgainRecordsNothing() {
        fixture.given(saved(discounts()))
                .when(new SavePeriodDiscountsCommand(CATALOGUE, discounts()), adminRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewCatalogueRecordsEvenDiscountsOfZero() {
        fixture.givenNoPriorActivity()
                .when(new SavePeriodDiscountsCommand(CATALOGUE, PeriodDiscounts.NONE), adminRequest())
                .expectEvents(saved(PeriodDiscounts.NONE));
    }

    @Test
    void refusesDiscountsBelowZeroOrAboveAHundredPercent() {
        fixture.given(saved(discounts()))
                .when(new SavePeriodDiscountsCommand(CATALOGUE, new PeriodDiscounts(Map.of(
                        BillingPeriod.ANNUAL, new BigDecimal("100.01")))), adminRequest())
                .expectException(refusal(InvalidDiscountException.class, ErrorCodes.CATALOGUE_INVALID_DISCOUNT,
                        "discountPercents.ANNUAL"))
                .expectNoEvents();
        fixture.given(saved(discounts()))
                .when(new SavePeriodDiscountsCommand(CATALOGUE, new PeriodDiscounts(Map.of(
                        BillingPeriod.HOURLY, new BigDecimal("-1")))), adminRequest())
                .expectException(refusal(InvalidDiscountException.class, ErrorCodes.CATALOGUE_INVALID_DISCOUNT,
                        "discountPercents.HOURLY"))
                .expectNoEvents();
    }

    @Test
    void aWholeCatalogueCanBeRebuiltFromItsEvents() {
        fixture.given(aCatalogue())
                .when(new SaveDatacenterCommand(CATALOGUE, tehran()), adminRequest())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Plan planPriced(Money hourly, Money monthly) {
        return new Plan(BASIC, "Basic 1", "پایه ۱", new VmSpec(1, 1024, 20, 1000), hourly, monthly, List.of(), true, 10);
    }

    private static CustomPricing withLimits(CustomLimits limits) {
        return new CustomPricing(true, irr("600000"), irr("250000"), irr("12000"), limits, 0);
    }

    /** A refusal of this type whose business error has this code and names this field. */
    static Matcher<?> refusal(Class<? extends BusinessRuleViolation> type, String code, String field) {
        return new TypeSafeMatcher<BusinessRuleViolation>(BusinessRuleViolation.class) {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation violation) {
                BusinessError error = violation.error();
                return type.isInstance(violation) && code.equals(error.code()) && field.equals(error.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " with code " + code + " and field " + field);
            }
        };
    }
}
