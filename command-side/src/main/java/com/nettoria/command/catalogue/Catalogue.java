package com.nettoria.command.catalogue;

import com.nettoria.command.common.MoneyCausation;
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
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OperatingSystemSavedEvent;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.PeriodDiscountsSavedEvent;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.PlanSavedEvent;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.ResizeRequest;
import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.catalogue.Quoting;
import com.nettoria.coreapi.catalogue.SaveCustomPricingCommand;
import com.nettoria.coreapi.catalogue.SaveDatacenterCommand;
import com.nettoria.coreapi.catalogue.SaveOperatingSystemCommand;
import com.nettoria.coreapi.catalogue.SavePeriodDiscountsCommand;
import com.nettoria.coreapi.catalogue.SavePlanCommand;
import com.nettoria.coreapi.common.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What customers can order and at what price: datacenters, operating systems, plans, custom sizes and period
 * discounts. One instance ({@link CatalogueId#MAIN}), created by its first command. Every change is a save of the
 * whole thing changed; nothing is ever deleted (orders refer to it), only withdrawn from sale. All prices are in
 * one currency, set by the first price. {@link #quote} prices an order from this state, for order placement.
 */
@Aggregate
public class Catalogue {

    /** The least a VM can have ({@link com.nettoria.coreapi.catalogue.VmSpec}): custom limits start there. */
    private static final int MIN_VCPUS = 1;
    private static final int MIN_MEMORY_MIB = 512;
    private static final int MIN_DISK_GIB = 1;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private CatalogueId catalogueId;
    private Currency currency;
    private final CatalogueContents contents = new CatalogueContents();

    protected Catalogue() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SaveDatacenterCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        Datacenter datacenter = command.datacenter();
        if (!unchanged(datacenter, contents.datacenter(datacenter.id()))) {
            apply(new DatacenterSavedEvent(command.catalogueId(), datacenter));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SaveOperatingSystemCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        OperatingSystem system = command.operatingSystem();
        system.templates().keySet().forEach(datacenter -> requireKnown(datacenter, "templates"));
        if (!unchanged(system, contents.operatingSystem(system.id()))) {
            apply(new OperatingSystemSavedEvent(command.catalogueId(), system));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SavePlanCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        Plan plan = command.plan();
        plan.datacenters().forEach(datacenter -> requireKnown(datacenter, "datacenters"));
        Map<String, Money> prices = new LinkedHashMap<>();
        prices.put("hourlyPrice", plan.hourlyPrice());
        prices.put("monthlyPrice", plan.monthlyPrice());
        requirePositiveInOneCurrency(prices);
        if (!unchanged(plan, contents.plan(plan.id()))) {
            recordCurrencyOfFirstPrice(command.catalogueId(), plan.monthlyPrice());
            apply(new PlanSavedEvent(command.catalogueId(), plan));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SaveCustomPricingCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        CustomPricing pricing = command.pricing();
        Map<String, Money> prices = new LinkedHashMap<>();
        prices.put("monthlyPricePerVcpu", pricing.monthlyPricePerVcpu());
        prices.put("monthlyPricePerGibMemory", pricing.monthlyPricePerGibMemory());
        prices.put("monthlyPricePerGibDisk", pricing.monthlyPricePerGibDisk());
        requirePositiveInOneCurrency(prices);
        requireReachable(pricing.limits());
        if (pricing.trafficGib() < 0) {
            throw new InvalidLimitsException("trafficGib", "trafficGib must be 0 (unmetered) or more");
        }
        if (!unchanged(pricing, contents.customPricing())) {
            recordCurrencyOfFirstPrice(command.catalogueId(), pricing.monthlyPricePerVcpu());
            apply(new CustomPricingSavedEvent(command.catalogueId(), pricing));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SavePeriodDiscountsCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        PeriodDiscounts discounts = command.discounts();
        for (BillingPeriod period : BillingPeriod.values()) {
            BigDecimal percent = discounts.percentFor(period);
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                throw new InvalidDiscountException(period, percent);
            }
        }
        if (!unchanged(discounts, contents.discounts())) {
            apply(new PeriodDiscountsSavedEvent(command.catalogueId(), discounts));
        }
    }

    /**
     * Prices an order from this catalogue as it is now, or refuses with the typed exception of the rule it breaks
     * ({@link Quoting}). Changes nothing.
     */
    public OrderQuote quote(QuoteRequest request) {
        return Quoting.quote(request, contents, TypedRefusals.INSTANCE);
    }

    /** Prices a new size for a running VM ({@link Quoting#quoteSize}), refusing as {@link #quote} does. */
    public SizeQuote quoteSize(ResizeRequest request) {
        return Quoting.quoteSize(request, contents, TypedRefusals.INSTANCE);
    }

    /**
     * The template an operating system is installed from in a datacenter, as for an order ({@link Quoting#template}),
     * or the typed refusal. The datacenter need not be orderable: its VMs are rebuilt there. Changes nothing.
     */
    public String template(DatacenterId datacenter, OperatingSystemId operatingSystem) {
        return Quoting.template(datacenter, operatingSystem, contents, TypedRefusals.INSTANCE);
    }

    /** A save of what the catalogue already holds is a repeat: no event. A catalogue with no events yet holds nothing. */
    private boolean unchanged(Object saved, Object held) {
        return catalogueId != null && saved.equals(held);
    }

    private void requireKnown(DatacenterId datacenter, String field) {
        if (contents.datacenter(datacenter) == null) {
            throw new UnknownDatacenterException(datacenter, field);
        }
    }

    /** Every price positive and in the catalogue's currency (before the first price: all in the same one). */
    private void requirePositiveInOneCurrency(Map<String, Money> prices) {
        Currency expected = currency;
        for (Map.Entry<String, Money> price : prices.entrySet()) {
            if (expected == null) {
                expected = price.getValue().currency();
            }
            if (!price.getValue().currency().equals(expected)) {
                throw new CatalogueCurrencyMismatchException(price.getKey(), expected, price.getValue());
            }
            if (!price.getValue().greaterThanZero()) {
                throw new PriceNotPositiveException(price.getKey(), price.getValue());
            }
        }
    }

    private void requireReachable(CustomLimits limits) {
        range("vcpus", limits.minVcpus(), limits.maxVcpus(), MIN_VCPUS);
        range("memoryMib", limits.minMemoryMib(), limits.maxMemoryMib(), MIN_MEMORY_MIB);
        range("diskGib", limits.minDiskGib(), limits.maxDiskGib(), MIN_DISK_GIB);
    }

    private static void range(String resource, int min, int max, int floor) {
        String capitalised = Character.toUpperCase(resource.charAt(0)) + resource.substring(1);
        if (min < floor) {
            throw new InvalidLimitsException("limits.min" + capitalised,
                    "the least " + resource + " a VM can have is " + floor + ", got a minimum of " + min);
        }
        if (min > max) {
            throw new InvalidLimitsException("limits.max" + capitalised,
                    "the maximum " + resource + " (" + max + ") is below the minimum (" + min + ")");
        }
    }

    private void recordCurrencyOfFirstPrice(CatalogueId id, Money price) {
        if (currency == null) {
            apply(new CatalogueCurrencySetEvent(id, price.currency()));
        }
    }

    @EventSourcingHandler
    void on(CatalogueCurrencySetEvent event) {
        catalogueId = event.catalogueId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(DatacenterSavedEvent event) {
        catalogueId = event.catalogueId();
        contents.put(event.datacenter());
    }

    @EventSourcingHandler
    void on(OperatingSystemSavedEvent event) {
        catalogueId = event.catalogueId();
        contents.put(event.operatingSystem());
    }

    @EventSourcingHandler
    void on(PlanSavedEvent event) {
        catalogueId = event.catalogueId();
        contents.put(event.plan());
    }

    @EventSourcingHandler
    void on(CustomPricingSavedEvent event) {
        catalogueId = event.catalogueId();
        contents.put(event.pricing());
    }

    @EventSourcingHandler
    void on(PeriodDiscountsSavedEvent event) {
        catalogueId = event.catalogueId();
        contents.put(event.discounts());
    }
}
