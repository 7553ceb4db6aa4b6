package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystem;
import com.nettoria.coreapi.catalogue.OperatingSystemFamily;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.SaveCustomPricingCommand;
import com.nettoria.coreapi.catalogue.SaveDatacenterCommand;
import com.nettoria.coreapi.catalogue.SaveOperatingSystemCommand;
import com.nettoria.coreapi.catalogue.SavePeriodDiscountsCommand;
import com.nettoria.coreapi.catalogue.SavePlanCommand;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Currencies;
import com.nettoria.coreapi.common.InvalidMoneyException;
import com.nettoria.coreapi.common.Money;
import com.nettoria.ui.catalogue.CatalogueApi.AdminCatalogueResponse;
import com.nettoria.ui.catalogue.CatalogueApi.CustomPricingBody;
import com.nettoria.ui.catalogue.CatalogueApi.CustomPricingView;
import com.nettoria.ui.catalogue.CatalogueApi.DatacenterBody;
import com.nettoria.ui.catalogue.CatalogueApi.DatacenterView;
import com.nettoria.ui.catalogue.CatalogueApi.OperatingSystemBody;
import com.nettoria.ui.catalogue.CatalogueApi.OperatingSystemView;
import com.nettoria.ui.catalogue.CatalogueApi.PeriodDiscountsBody;
import com.nettoria.ui.catalogue.CatalogueApi.PeriodItem;
import com.nettoria.ui.catalogue.CatalogueApi.PlacementBody;
import com.nettoria.ui.catalogue.CatalogueApi.PlanBody;
import com.nettoria.ui.catalogue.CatalogueApi.PlanView;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.ReadModelWaiter;
import com.nettoria.ui.web.RequestCausation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static com.nettoria.ui.catalogue.ServiceController.slug;

/**
 * Administrators run the catalogue: every change is a PUT of the whole thing (datacenter, operating system, plan,
 * custom pricing, period discounts), decided by the catalogue aggregate and recorded as an event that names the
 * administrator (cause type {@code admin-request}). Nothing is deleted: {@code "orderable": false} withdraws a thing
 * from sale, and orders that refer to it keep working. Each PUT answers the saved thing as the read model shows it
 * (202 with what was saved when the read model has not caught up within the wait).
 */
@RestController
@RequestMapping("/api/admin/catalogue")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: catalogue")
public class AdminCatalogueController {

    private static final CatalogueId CATALOGUE = CatalogueId.MAIN;

    private final CommandGateway commands;
    private final CatalogueReadModel catalogue;
    private final ReadModelWaiter readModel;
    private final CatalogueProperties properties;

    public AdminCatalogueController(CommandGateway commands, CatalogueReadModel catalogue, ReadModelWaiter readModel,
                                    CatalogueProperties properties) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.readModel = readModel;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "The whole catalogue: everything ever saved, withdrawn things included, with vCenter "
            + "placements and templates")
    public AdminCatalogueResponse everything() {
        return AdminCatalogueResponse.of(catalogue.everything());
    }

    @PutMapping("/datacenters/{datacenterId}")
    @Operation(summary = "Add or change a datacenter: names, location, where its VMs go in vCenter, orderable")
    public ResponseEntity<DatacenterView> saveDatacenter(@AuthenticationPrincipal Jwt caller,
                                                         @PathVariable String datacenterId,
                                                         @Valid @RequestBody DatacenterBody body,
                                                         HttpServletRequest request) {
        DatacenterId id = new DatacenterId(slug(datacenterId, "datacenterId"));
        Datacenter datacenter = new Datacenter(id, body.name().strip(), body.nameFa().strip(),
                body.location().strip(), body.country(), placement(body.placement()), orderable(body.orderable()));
        send(new SaveDatacenterCommand(CATALOGUE, datacenter), caller, request);
        return saved(datacenter, view -> view.datacenter(id), DatacenterView::of);
    }

    @PutMapping("/operating-systems/{operatingSystemId}")
    @Operation(summary = "Add or change an operating system and its vCenter template per datacenter",
            description = "Every datacenter of 'templates' must be in the catalogue (422 catalogue.unknown-datacenter).")
    public ResponseEntity<OperatingSystemView> saveOperatingSystem(@AuthenticationPrincipal Jwt caller,
                                                                   @PathVariable String operatingSystemId,
                                                                   @Valid @RequestBody OperatingSystemBody body,
                                                                   HttpServletRequest request) {
        OperatingSystemId id = new OperatingSystemId(slug(operatingSystemId, "operatingSystemId"));
        Map<DatacenterId, String> templates = new LinkedHashMap<>();
        body.templates().forEach((datacenter, template) ->
                templates.put(new DatacenterId(slug(datacenter, "templates")), template.strip()));
        OperatingSystem system = new OperatingSystem(id, body.name().strip(), body.nameFa().strip(),
                family(body.family()), body.version() == null ? null : body.version().strip(), templates,
                orderable(body.orderable()));
        send(new SaveOperatingSystemCommand(CATALOGUE, system), caller, request);
        return saved(system, view -> view.operatingSystem(id), OperatingSystemView::of);
    }

    @PutMapping("/plans/{planId}")
    @Operation(summary = "Add or change a plan: size, hourly and monthly price, where it is offered, orderable, order",
            description = "Prices must be positive and in the catalogue's currency (the first price ever sets it).")
    public ResponseEntity<PlanView> savePlan(@AuthenticationPrincipal Jwt caller, @PathVariable String planId,
                                             @Valid @RequestBody PlanBody body, HttpServletRequest request) {
        PlanId id = new PlanId(slug(planId, "planId"));
        Currency currency = currency(body.currency());
        List<DatacenterId> datacenters = new ArrayList<>();
        if (body.datacenters() != null) {
            body.datacenters().forEach(datacenter -> datacenters.add(new DatacenterId(slug(datacenter, "datacenters"))));
        }
        Plan plan = new Plan(id, body.name().strip(), body.nameFa().strip(),
                new VmSpec(body.vcpus(), body.memoryMib(), body.diskGib(),
                        body.trafficGib() == null ? 0 : body.trafficGib()),
                money(body.hourlyPrice(), currency, "hourlyPrice"), money(body.monthlyPrice(), currency, "monthlyPrice"),
                datacenters, orderable(body.orderable()), body.sortOrder() == null ? 0 : body.sortOrder());
        send(new SavePlanCommand(CATALOGUE, plan), caller, request);
        return saved(plan, view -> view.plan(id), PlanView::of);
    }

    @PutMapping("/custom-pricing")
    @Operation(summary = "Price, limit and switch on or off custom sizes",
            description = "Monthly prices per vCPU, per GiB of memory (pro rata per MiB) and per GiB of disk; every "
                    + "minimum at most its maximum.")
    public ResponseEntity<CustomPricingView> saveCustomPricing(@AuthenticationPrincipal Jwt caller,
                                                               @Valid @RequestBody CustomPricingBody body,
                                                               HttpServletRequest request) {
        Currency currency = currency(body.currency());
        CustomPricing pricing = new CustomPricing(body.enabled(),
                money(body.monthlyPricePerVcpu(), currency, "monthlyPricePerVcpu"),
                money(body.monthlyPricePerGibMemory(), currency, "monthlyPricePerGibMemory"),
                money(body.monthlyPricePerGibDisk(), currency, "monthlyPricePerGibDisk"),
                body.limits().limits(), body.trafficGib() == null ? 0 : body.trafficGib());
        send(new SaveCustomPricingCommand(CATALOGUE, pricing), caller, request);
        return saved(pricing, view -> Optional.ofNullable(view.custom()), CustomPricingView::of);
    }

    @PutMapping("/period-discounts")
    @Operation(summary = "Set the discount of paying a billing period in advance (percent, 0 to 100)",
            description = "Every period not named has no discount.")
    public ResponseEntity<List<PeriodItem>> savePeriodDiscounts(@AuthenticationPrincipal Jwt caller,
                                                                @Valid @RequestBody PeriodDiscountsBody body,
                                                                HttpServletRequest request) {
        Map<BillingPeriod, BigDecimal> percents = new EnumMap<>(BillingPeriod.class);
        body.discountPercents().forEach((period, percent) -> percents.put(period(period), percent));
        PeriodDiscounts discounts = new PeriodDiscounts(percents);
        send(new SavePeriodDiscountsCommand(CATALOGUE, discounts), caller, request);
        return saved(discounts, view -> Optional.of(view.discounts()), PeriodItem::all);
    }

    private void send(Object command, Jwt caller, HttpServletRequest request) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(RequestCausation.adminRequest(caller, request)));
    }

    /** The thing as the read model shows it once it shows exactly what was saved; else 202 with what was saved. */
    private <T, V> ResponseEntity<V> saved(T expected, Function<CatalogueView, Optional<T>> find, Function<T, V> view) {
        Optional<T> shown = readModel.await(() -> find.apply(catalogue.everything()).filter(expected::equals));
        return shown.map(thing -> ResponseEntity.ok(view.apply(thing)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(view.apply(expected)));
    }

    /** The currency asked for, else the catalogue's, else (before its first price) the configured default. */
    private Currency currency(String code) {
        if (code != null && !code.isBlank()) {
            return Currencies.parse(code.strip());
        }
        Currency current = catalogue.everything().currency();
        return current != null ? current : Currencies.parse(properties.currency());
    }

    private static Money money(BigDecimal amount, Currency currency, String field) {
        try {
            return Money.of(amount, currency);
        } catch (InvalidMoneyException e) {
            throw ApiProblem.badRequest(field, e.getMessage());
        }
    }

    private static VcenterPlacement placement(PlacementBody body) {
        return new VcenterPlacement(body.datacenter().strip(), body.cluster().strip(), blankToNull(body.resourcePool()),
                blankToNull(body.folder()), body.datastores().stream().map(String::strip).toList(),
                body.networks().stream().map(String::strip).toList());
    }

    private static OperatingSystemFamily family(String value) {
        try {
            return OperatingSystemFamily.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("family", "must be one of "
                    + Arrays.toString(OperatingSystemFamily.values()).toLowerCase(Locale.ROOT));
        }
    }

    private static BillingPeriod period(String value) {
        try {
            return BillingPeriod.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("discountPercents", "'" + value + "' is not a billing period; one of "
                    + Arrays.toString(BillingPeriod.values()));
        }
    }

    private static boolean orderable(Boolean orderable) {
        return orderable == null || orderable;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
