package com.nettoria.coreapi.catalogue;

import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.Money;

import java.math.BigDecimal;

/**
 * The rules that turn a {@link QuoteRequest} into an {@link OrderQuote}: which datacenter, operating system, plan or
 * custom size may be ordered together, and at what price ({@link Pricing}). The write side applies them to the
 * catalogue aggregate's state (order placement), the read side to its read model (the public quote), so both
 * answer, and refuse, alike. Each side says no in its own way ({@link Refusals}).
 */
public final class Quoting {

    private Quoting() {
    }

    /** What the catalogue holds, by id; {@code null} for what it does not know. */
    public interface Contents {

        Datacenter datacenter(DatacenterId id);

        OperatingSystem operatingSystem(OperatingSystemId id);

        Plan plan(PlanId id);

        /** {@code null} while no administrator has set custom pricing. */
        CustomPricing customPricing();

        PeriodDiscounts discounts();
    }

    /**
     * How a side refuses: {@link #refuse} turns a refusal into the exception to throw; the write side overrides the
     * other methods to throw its typed business exceptions.
     */
    public interface Refusals {

        RuntimeException refuse(BusinessError error);

        default RuntimeException unknownDatacenter(DatacenterId datacenter) {
            return refuse(CatalogueErrors.unknownDatacenter(datacenter, "datacenterId"));
        }

        default RuntimeException unknownOperatingSystem(OperatingSystemId operatingSystem) {
            return refuse(CatalogueErrors.unknownOperatingSystem(operatingSystem));
        }

        default RuntimeException unknownPlan(PlanId plan) {
            return refuse(CatalogueErrors.unknownPlan(plan));
        }

        default RuntimeException notOrderable(String field, String id) {
            return refuse(CatalogueErrors.notOrderable(field, id));
        }

        default RuntimeException noTemplate(OperatingSystemId operatingSystem, DatacenterId datacenter) {
            return refuse(CatalogueErrors.noTemplate(operatingSystem, datacenter));
        }

        default RuntimeException planNotInDatacenter(PlanId plan, DatacenterId datacenter) {
            return refuse(CatalogueErrors.planNotInDatacenter(plan, datacenter));
        }

        default RuntimeException customDisabled() {
            return refuse(CatalogueErrors.customDisabled());
        }

        default RuntimeException specOutOfRange(String field, int value, int min, int max) {
            return refuse(CatalogueErrors.specOutOfRange(field, value, min, max));
        }
    }

    /**
     * Prices {@code request} against {@code catalogue}. Checks, in this order: the datacenter (known, orderable), the
     * operating system (known, orderable, has a template there), then the plan (known, orderable, offered there) or
     * the custom size (custom pricing enabled, every resource within its limits).
     */
    public static OrderQuote quote(QuoteRequest request, Contents catalogue, Refusals refusals) {
        Datacenter datacenter = orderableDatacenter(request.datacenterId(), catalogue, refusals);
        String template = template(datacenter.id(), request.operatingSystemId(), catalogue, refusals);
        SizeQuote size = size(request.planId(), request.customSpec(), datacenter, request.period(), catalogue,
                refusals);
        return new OrderQuote(request.planId(), size.spec(), datacenter.id(), request.operatingSystemId(),
                request.period(), size.hourlyPrice(), size.monthlyPrice(), size.discountPercent(),
                size.periodPrice(), datacenter.placement(), template);
    }

    /**
     * Prices a new size for a VM that runs already (a scale-up): the same checks and prices as {@link #quote} for the
     * datacenter and the plan or custom size, none for the operating system (the VM keeps its own).
     */
    public static SizeQuote quoteSize(ResizeRequest request, Contents catalogue, Refusals refusals) {
        Datacenter datacenter = orderableDatacenter(request.datacenterId(), catalogue, refusals);
        return size(request.planId(), request.customSpec(), datacenter, request.period(), catalogue, refusals);
    }

    /**
     * The template {@code operatingSystemId} is installed from in {@code datacenter}: the operating system must be
     * known, orderable and have a template there. Ordering and rebuilding a VM install only what this answers.
     */
    public static String template(DatacenterId datacenter, OperatingSystemId operatingSystemId, Contents catalogue,
                                  Refusals refusals) {
        OperatingSystem system = catalogue.operatingSystem(operatingSystemId);
        if (system == null) {
            throw refusals.unknownOperatingSystem(operatingSystemId);
        }
        if (!system.orderable()) {
            throw refusals.notOrderable("operatingSystemId", system.id().value());
        }
        return system.templateIn(datacenter).orElseThrow(() -> refusals.noTemplate(system.id(), datacenter));
    }

    private static Datacenter orderableDatacenter(DatacenterId id, Contents catalogue, Refusals refusals) {
        Datacenter datacenter = catalogue.datacenter(id);
        if (datacenter == null) {
            throw refusals.unknownDatacenter(id);
        }
        if (!datacenter.orderable()) {
            throw refusals.notOrderable("datacenterId", datacenter.id().value());
        }
        return datacenter;
    }

    /** The plan (known, orderable, offered there) or the custom size (enabled, within limits), for the period. */
    private static SizeQuote size(PlanId planId, VmSpec asked, Datacenter datacenter, BillingPeriod period,
                                  Contents catalogue, Refusals refusals) {
        VmSpec spec;
        Money hourly;
        Money monthly;
        if (planId != null) {
            Plan plan = catalogue.plan(planId);
            if (plan == null) {
                throw refusals.unknownPlan(planId);
            }
            if (!plan.orderable()) {
                throw refusals.notOrderable("planId", plan.id().value());
            }
            if (!plan.offeredIn(datacenter.id())) {
                throw refusals.planNotInDatacenter(plan.id(), datacenter.id());
            }
            spec = plan.spec();
            hourly = plan.hourlyPrice();
            monthly = plan.monthlyPrice();
        } else {
            CustomPricing custom = catalogue.customPricing();
            if (custom == null || !custom.enabled()) {
                throw refusals.customDisabled();
            }
            CustomLimits limits = custom.limits();
            within("spec.vcpus", asked.vcpus(), limits.minVcpus(), limits.maxVcpus(), refusals);
            within("spec.memoryMib", asked.memoryMib(), limits.minMemoryMib(), limits.maxMemoryMib(), refusals);
            within("spec.diskGib", asked.diskGib(), limits.minDiskGib(), limits.maxDiskGib(), refusals);
            spec = new VmSpec(asked.vcpus(), asked.memoryMib(), asked.diskGib(), custom.trafficGib());
            monthly = Pricing.customMonthlyPrice(custom, spec);
            hourly = Pricing.hourlyPrice(monthly);
        }
        BigDecimal discount = catalogue.discounts().percentFor(period);
        return new SizeQuote(planId, spec, period, hourly, monthly, discount,
                Pricing.amountDue(hourly, monthly, period, discount));
    }

    private static void within(String field, int value, int min, int max, Refusals refusals) {
        if (value < min || value > max) {
            throw refusals.specOutOfRange(field, value, min, max);
        }
    }
}
