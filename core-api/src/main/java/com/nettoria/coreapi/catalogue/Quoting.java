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
        Datacenter datacenter = catalogue.datacenter(request.datacenterId());
        if (datacenter == null) {
            throw refusals.unknownDatacenter(request.datacenterId());
        }
        if (!datacenter.orderable()) {
            throw refusals.notOrderable("datacenterId", datacenter.id().value());
        }
        OperatingSystem system = catalogue.operatingSystem(request.operatingSystemId());
        if (system == null) {
            throw refusals.unknownOperatingSystem(request.operatingSystemId());
        }
        if (!system.orderable()) {
            throw refusals.notOrderable("operatingSystemId", system.id().value());
        }
        String template = system.templateIn(datacenter.id())
                .orElseThrow(() -> refusals.noTemplate(system.id(), datacenter.id()));

        VmSpec spec;
        Money hourly;
        Money monthly;
        if (request.planId() != null) {
            Plan plan = catalogue.plan(request.planId());
            if (plan == null) {
                throw refusals.unknownPlan(request.planId());
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
            VmSpec asked = request.customSpec();
            CustomLimits limits = custom.limits();
            within("spec.vcpus", asked.vcpus(), limits.minVcpus(), limits.maxVcpus(), refusals);
            within("spec.memoryMib", asked.memoryMib(), limits.minMemoryMib(), limits.maxMemoryMib(), refusals);
            within("spec.diskGib", asked.diskGib(), limits.minDiskGib(), limits.maxDiskGib(), refusals);
            spec = new VmSpec(asked.vcpus(), asked.memoryMib(), asked.diskGib(), custom.trafficGib());
            monthly = Pricing.customMonthlyPrice(custom, spec);
            hourly = Pricing.hourlyPrice(monthly);
        }
        BigDecimal discount = catalogue.discounts().percentFor(request.period());
        return new OrderQuote(request.planId(), spec, datacenter.id(), system.id(), request.period(), hourly, monthly,
                discount, Pricing.amountDue(hourly, monthly, request.period(), discount), datacenter.placement(),
                template);
    }

    private static void within(String field, int value, int min, int max, Refusals refusals) {
        if (value < min || value > max) {
            throw refusals.specOutOfRange(field, value, min, max);
        }
    }
}
