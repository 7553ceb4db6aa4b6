package com.nettoria.ui.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.CustomLimits;
import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystem;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.Pricing;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The catalogue API's request and response bodies: the public price list and quotes, and its administration. */
final class CatalogueApi {

    private CatalogueApi() {
    }

    /*
     * Upper bounds of sizes and prices: far above any real VM or price, and low enough that a year of the largest
     * VM at the highest price stays within Money's 18 integer digits, so no price list or quote can overflow.
     */
    static final int MAX_VCPUS = 768;
    static final int MAX_MEMORY_MIB = 4_194_304;
    static final int MAX_DISK_GIB = 65_536;

    // ---- public: GET /api/services ----------------------------------------------------------------------------

    @Schema(description = "What can be ordered now, with prices computed by the platform")
    record ServicesResponse(List<DatacenterItem> datacenters, List<OperatingSystemItem> operatingSystems,
                            List<PlanItem> plans, CustomItem custom, List<PeriodItem> periods, String currency) {

        static ServicesResponse of(CatalogueView orderable, String currency, CatalogueAvailability.Snapshot capacity) {
            PeriodDiscounts discounts = orderable.discounts();
            return new ServicesResponse(
                    orderable.datacenters().stream()
                            .map(datacenter -> DatacenterItem.of(datacenter, soldOut(orderable, datacenter, capacity)))
                            .toList(),
                    orderable.operatingSystems().stream().map(OperatingSystemItem::of).toList(),
                    orderable.plans().stream().map(plan -> PlanItem.of(plan, discounts, capacity)).toList(),
                    CustomItem.of(orderable.custom()),
                    PeriodItem.all(discounts),
                    currency);
        }

        /**
         * Sold out: none of the plans offered there, nor the smallest custom size (when custom sizes are on), fits
         * what the datacenter has left; a datacenter with nothing to offer or unknown figures is not.
         */
        private static boolean soldOut(CatalogueView orderable, Datacenter datacenter,
                                       CatalogueAvailability.Snapshot capacity) {
            List<VmSpec> offered = new ArrayList<>();
            orderable.plans().stream().filter(plan -> plan.datacenters().contains(datacenter.id()))
                    .forEach(plan -> offered.add(plan.spec()));
            CustomPricing custom = orderable.custom();
            if (custom != null && custom.enabled()) {
                CustomLimits limits = custom.limits();
                offered.add(new VmSpec(limits.minVcpus(), limits.minMemoryMib(), limits.minDiskGib(), 0));
            }
            return !offered.isEmpty() && offered.stream().allMatch(spec -> capacity.soldOut(datacenter.id(), spec));
        }
    }

    record DatacenterItem(String id, String name, String nameFa, String location, String country,
                          @Schema(description = "true when nothing it offers fits what it has left: orders there "
                                  + "would be refused (order.datacenter-full); figures are up to "
                                  + "nettoria.capacity.catalogue-refresh old") boolean soldOut) {
        static DatacenterItem of(Datacenter datacenter, boolean soldOut) {
            return new DatacenterItem(datacenter.id().value(), datacenter.name(), datacenter.nameFa(),
                    datacenter.location(), datacenter.country(), soldOut);
        }
    }

    record OperatingSystemItem(String id, String name, String nameFa,
                               @Schema(example = "linux") String family, String version,
                               @Schema(description = "the datacenters it can be installed in") List<String> datacenters) {
        static OperatingSystemItem of(OperatingSystem system) {
            return new OperatingSystemItem(system.id().value(), system.name(), system.nameFa(),
                    system.family().name().toLowerCase(Locale.ROOT), system.version(),
                    system.templates().keySet().stream().map(DatacenterId::value).toList());
        }
    }

    record PlanItem(String id, String name, String nameFa, int vcpus, int memoryMib, int diskGib,
                    @Schema(description = "monthly traffic allowance; 0 is unmetered") int trafficGib,
                    BigDecimal hourlyPrice, BigDecimal monthlyPrice,
                    @Schema(description = "what is paid now for each billing period, discount applied "
                            + "(HOURLY: one hour)") Map<BillingPeriod, BigDecimal> prices,
                    List<String> datacenters,
                    @Schema(description = "the datacenters among 'datacenters' where it no longer fits what is "
                            + "left: orders for it there would be refused (order.datacenter-full)")
                    List<String> soldOutIn) {
        static PlanItem of(Plan plan, PeriodDiscounts discounts, CatalogueAvailability.Snapshot capacity) {
            Map<BillingPeriod, BigDecimal> prices = new LinkedHashMap<>();
            Pricing.amountsDue(plan.hourlyPrice(), plan.monthlyPrice(), discounts)
                    .forEach((period, price) -> prices.put(period, price.amount()));
            return new PlanItem(plan.id().value(), plan.name(), plan.nameFa(), plan.spec().vcpus(),
                    plan.spec().memoryMib(), plan.spec().diskGib(), plan.spec().trafficGib(),
                    plan.hourlyPrice().amount(), plan.monthlyPrice().amount(), prices,
                    plan.datacenters().stream().map(DatacenterId::value).toList(),
                    plan.datacenters().stream().filter(datacenter -> capacity.soldOut(datacenter, plan.spec()))
                            .map(DatacenterId::value).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Custom sizes: monthly prices per unit and the limits; only 'enabled' while they are off")
    record CustomItem(boolean enabled, BigDecimal monthlyPricePerVcpu, BigDecimal monthlyPricePerGibMemory,
                      BigDecimal monthlyPricePerGibDisk, Integer trafficGib, LimitsBody limits) {
        static CustomItem of(CustomPricing custom) {
            if (custom == null || !custom.enabled()) {
                return new CustomItem(false, null, null, null, null, null);
            }
            return new CustomItem(true, custom.monthlyPricePerVcpu().amount(),
                    custom.monthlyPricePerGibMemory().amount(), custom.monthlyPricePerGibDisk().amount(),
                    custom.trafficGib(), LimitsBody.of(custom.limits()));
        }
    }

    record PeriodItem(BillingPeriod period, int months, BigDecimal discountPercent) {
        static List<PeriodItem> all(PeriodDiscounts discounts) {
            return Arrays.stream(BillingPeriod.values())
                    .map(period -> new PeriodItem(period, period.months(), discounts.percentFor(period))).toList();
        }
    }

    // ---- public: POST /api/services/quote ---------------------------------------------------------------------

    @Schema(description = "A plan (planId) or a custom size (custom), in a datacenter, with an operating system, "
            + "for a billing period (default MONTHLY)")
    record QuoteBody(@Size(max = 63) @Schema(example = "standard-2") String planId,
                     @Valid CustomSize custom,
                     @NotBlank @Size(max = 63) @Schema(example = "tehran-1") String datacenterId,
                     @NotBlank @Size(max = 63) @Schema(example = "debian-12") String operatingSystemId,
                     @Size(max = 16) @Schema(example = "QUARTERLY",
                             allowableValues = {"HOURLY", "MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL"})
                     String period) {
    }

    record CustomSize(@NotNull @Min(1) @Max(MAX_VCPUS) Integer vcpus,
                      @NotNull @Min(512) @Max(MAX_MEMORY_MIB) Integer memoryMib,
                      @NotNull @Min(1) @Max(MAX_DISK_GIB) Integer diskGib) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QuoteResponse(String planId, boolean custom, SpecItem spec, String datacenterId, String operatingSystemId,
                         BillingPeriod period, int months, String currency, BigDecimal hourlyPrice,
                         BigDecimal monthlyPrice,
                         @Schema(description = "one hour, or the monthly price times the months")
                         BigDecimal undiscountedAmount, BigDecimal discountPercent, BigDecimal discountAmount,
                         @Schema(description = "what is paid now") BigDecimal amountDue) {
        static QuoteResponse of(OrderQuote quote) {
            Money undiscounted = Pricing.undiscountedPrice(quote.hourlyPrice(), quote.monthlyPrice(), quote.period());
            return new QuoteResponse(quote.planId() == null ? null : quote.planId().value(), quote.planId() == null,
                    new SpecItem(quote.spec().vcpus(), quote.spec().memoryMib(), quote.spec().diskGib(),
                            quote.spec().trafficGib()),
                    quote.datacenterId().value(), quote.operatingSystemId().value(), quote.period(),
                    quote.period().months(), quote.amountDue().currency().getCurrencyCode(),
                    quote.hourlyPrice().amount(), quote.monthlyPrice().amount(), undiscounted.amount(),
                    quote.discountPercent(), undiscounted.minus(quote.amountDue()).amount(), quote.amountDue().amount());
        }
    }

    record SpecItem(int vcpus, int memoryMib, int diskGib, int trafficGib) {
    }

    // ---- administration ---------------------------------------------------------------------------------------

    record AdminCatalogueResponse(@Schema(description = "null until the first price") String currency,
                                  List<DatacenterView> datacenters, List<OperatingSystemView> operatingSystems,
                                  List<PlanView> plans, CustomPricingView custom, List<PeriodItem> periods) {
        static AdminCatalogueResponse of(CatalogueView catalogue) {
            return new AdminCatalogueResponse(
                    catalogue.currency() == null ? null : catalogue.currency().getCurrencyCode(),
                    catalogue.datacenters().stream().map(DatacenterView::of).toList(),
                    catalogue.operatingSystems().stream().map(OperatingSystemView::of).toList(),
                    catalogue.plans().stream().map(PlanView::of).toList(),
                    catalogue.custom() == null ? null : CustomPricingView.of(catalogue.custom()),
                    PeriodItem.all(catalogue.discounts()));
        }
    }

    record PlacementBody(@NotBlank @Size(max = 80) @Schema(example = "DC0") String datacenter,
                         @NotBlank @Size(max = 80) @Schema(example = "DC0_C0") String cluster,
                         @Size(max = 200) String resourcePool,
                         @Size(max = 200) String folder,
                         @NotEmpty @Size(max = 32) @Schema(example = "[\"LocalDS_0\", \"LocalDS_1\"]")
                         List<@NotBlank @Size(max = 80) String> datastores,
                         @NotEmpty @Size(max = 32) @Schema(example = "[\"DC0_DVPG0\"]")
                         List<@NotBlank @Size(max = 80) String> networks) {
        static PlacementBody of(VcenterPlacement placement) {
            return new PlacementBody(placement.datacenter(), placement.cluster(), placement.resourcePool(),
                    placement.folder(), placement.datastores(), placement.networks());
        }
    }

    record DatacenterBody(@NotBlank @Size(max = 100) @Schema(example = "Tehran 1") String name,
                          @NotBlank @Size(max = 100) @Schema(example = "تهران ۱") String nameFa,
                          @NotBlank @Size(max = 100) @Schema(example = "Tehran") String location,
                          @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
                          @Schema(example = "IR") String country,
                          @NotNull @Valid PlacementBody placement,
                          @Schema(description = "default true; false withdraws it from sale") Boolean orderable) {
    }

    record DatacenterView(String id, String name, String nameFa, String location, String country,
                          PlacementBody placement, boolean orderable) {
        static DatacenterView of(Datacenter datacenter) {
            return new DatacenterView(datacenter.id().value(), datacenter.name(), datacenter.nameFa(),
                    datacenter.location(), datacenter.country(), PlacementBody.of(datacenter.placement()),
                    datacenter.orderable());
        }
    }

    record OperatingSystemBody(@NotBlank @Size(max = 100) @Schema(example = "Debian 12") String name,
                               @NotBlank @Size(max = 100) @Schema(example = "دبیان ۱۲") String nameFa,
                               @NotBlank @Size(max = 16) @Schema(example = "linux",
                                       allowableValues = {"linux", "windows", "bsd", "other"}) String family,
                               @Size(max = 40) @Schema(example = "12") String version,
                               @NotNull @Size(max = 100)
                               @Schema(description = "the vCenter template per datacenter id",
                                       example = "{\"tehran-1\": \"debian-12\"}")
                               Map<String, @NotBlank @Size(max = 200) String> templates,
                               @Schema(description = "default true; false withdraws it from sale") Boolean orderable) {
    }

    record OperatingSystemView(String id, String name, String nameFa, String family, String version,
                               Map<String, String> templates, boolean orderable) {
        static OperatingSystemView of(OperatingSystem system) {
            Map<String, String> templates = new LinkedHashMap<>();
            system.templates().forEach((datacenter, template) -> templates.put(datacenter.value(), template));
            return new OperatingSystemView(system.id().value(), system.name(), system.nameFa(),
                    system.family().name().toLowerCase(Locale.ROOT), system.version(), templates, system.orderable());
        }
    }

    record PlanBody(@NotBlank @Size(max = 100) @Schema(example = "Standard 2") String name,
                    @NotBlank @Size(max = 100) @Schema(example = "استاندارد ۲") String nameFa,
                    @NotNull @Min(1) @Max(MAX_VCPUS) @Schema(example = "2") Integer vcpus,
                    @NotNull @Min(512) @Max(MAX_MEMORY_MIB) @Schema(example = "4096") Integer memoryMib,
                    @NotNull @Min(1) @Max(MAX_DISK_GIB) @Schema(example = "60") Integer diskGib,
                    @Min(0) @Schema(description = "monthly traffic allowance in GiB; 0 or absent: unmetered",
                            example = "2000") Integer trafficGib,
                    @NotNull @Digits(integer = 15, fraction = 8) @Schema(example = "15000") BigDecimal hourlyPrice,
                    @NotNull @Digits(integer = 15, fraction = 8) @Schema(example = "10950000") BigDecimal monthlyPrice,
                    @Size(max = 3) @Schema(description = "ISO 4217; default the catalogue's", example = "IRR")
                    String currency,
                    @Size(max = 100) @Schema(description = "datacenter ids; empty or absent: every datacenter")
                    List<@NotBlank @Size(max = 63) String> datacenters,
                    @Schema(description = "default true; false withdraws it from sale") Boolean orderable,
                    @Schema(description = "position in listings, lowest first; default 0") Integer sortOrder) {
    }

    record PlanView(String id, String name, String nameFa, int vcpus, int memoryMib, int diskGib, int trafficGib,
                    BigDecimal hourlyPrice, BigDecimal monthlyPrice, String currency, List<String> datacenters,
                    boolean orderable, int sortOrder) {
        static PlanView of(Plan plan) {
            return new PlanView(plan.id().value(), plan.name(), plan.nameFa(), plan.spec().vcpus(),
                    plan.spec().memoryMib(), plan.spec().diskGib(), plan.spec().trafficGib(),
                    plan.hourlyPrice().amount(), plan.monthlyPrice().amount(),
                    plan.monthlyPrice().currency().getCurrencyCode(),
                    plan.datacenters().stream().map(DatacenterId::value).toList(), plan.orderable(), plan.sortOrder());
        }
    }

    record LimitsBody(@NotNull @Min(0) @Max(MAX_VCPUS) Integer minVcpus,
                      @NotNull @Min(0) @Max(MAX_VCPUS) Integer maxVcpus,
                      @NotNull @Min(0) @Max(MAX_MEMORY_MIB) Integer minMemoryMib,
                      @NotNull @Min(0) @Max(MAX_MEMORY_MIB) Integer maxMemoryMib,
                      @NotNull @Min(0) @Max(MAX_DISK_GIB) Integer minDiskGib,
                      @NotNull @Min(0) @Max(MAX_DISK_GIB) Integer maxDiskGib) {
        static LimitsBody of(CustomLimits limits) {
            return new LimitsBody(limits.minVcpus(), limits.maxVcpus(), limits.minMemoryMib(), limits.maxMemoryMib(),
                    limits.minDiskGib(), limits.maxDiskGib());
        }

        CustomLimits limits() {
            return new CustomLimits(minVcpus, maxVcpus, minMemoryMib, maxMemoryMib, minDiskGib, maxDiskGib);
        }
    }

    record CustomPricingBody(@NotNull Boolean enabled,
                             @NotNull @Digits(integer = 12, fraction = 8) @Schema(example = "2200000")
                             BigDecimal monthlyPricePerVcpu,
                             @NotNull @Digits(integer = 12, fraction = 8) @Schema(example = "1100000")
                             BigDecimal monthlyPricePerGibMemory,
                             @NotNull @Digits(integer = 12, fraction = 8) @Schema(example = "45000")
                             BigDecimal monthlyPricePerGibDisk,
                             @Size(max = 3) @Schema(description = "ISO 4217; default the catalogue's", example = "IRR")
                             String currency,
                             @Min(0) @Schema(description = "monthly traffic allowance of a custom VM in GiB; 0 or "
                                     + "absent: unmetered", example = "1000") Integer trafficGib,
                             @NotNull @Valid LimitsBody limits) {
    }

    record CustomPricingView(boolean enabled, BigDecimal monthlyPricePerVcpu, BigDecimal monthlyPricePerGibMemory,
                             BigDecimal monthlyPricePerGibDisk, String currency, int trafficGib, LimitsBody limits) {
        static CustomPricingView of(CustomPricing pricing) {
            return new CustomPricingView(pricing.enabled(), pricing.monthlyPricePerVcpu().amount(),
                    pricing.monthlyPricePerGibMemory().amount(), pricing.monthlyPricePerGibDisk().amount(),
                    pricing.monthlyPricePerVcpu().currency().getCurrencyCode(), pricing.trafficGib(),
                    LimitsBody.of(pricing.limits()));
        }
    }

    record PeriodDiscountsBody(@NotNull @Size(max = 5)
                               @Schema(description = "percent (0 to 100, two decimals) per billing period; a period "
                                       + "not given has none", example = "{\"QUARTERLY\": 5, \"SEMI_ANNUAL\": 10, "
                                       + "\"ANNUAL\": 15}")
                               Map<String, @NotNull @Digits(integer = 3, fraction = 2) BigDecimal> discountPercents) {
    }
}
