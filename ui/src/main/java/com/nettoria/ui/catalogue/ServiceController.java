package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Slug;
import com.nettoria.ui.catalogue.CatalogueApi.QuoteBody;
import com.nettoria.ui.catalogue.CatalogueApi.QuoteResponse;
import com.nettoria.ui.catalogue.CatalogueApi.ServicesResponse;
import com.nettoria.ui.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Locale;

/**
 * The public price list (seed-compatible path of the old platform): what can be ordered now, and what an order
 * would cost. No sign-in needed; every price is computed here, by the catalogue's rules, never by the client.
 */
@RestController
@RequestMapping("/api/services")
@PreAuthorize("permitAll()")
@SecurityRequirements
@Tag(name = "Services", description = "The public catalogue: datacenters, operating systems, plans, prices, quotes")
public class ServiceController {

    private final CatalogueReadModel catalogue;
    private final CatalogueProperties properties;
    private final CatalogueAvailability availability;

    ServiceController(CatalogueReadModel catalogue, CatalogueProperties properties,
                      CatalogueAvailability availability) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.availability = availability;
    }

    @GetMapping
    @Operation(summary = "What can be ordered now: datacenters, operating systems, plans with their price per billing "
            + "period, custom sizes, period discounts; datacenters and plans that would be refused now are marked "
            + "sold out")
    public ServicesResponse services() {
        CatalogueView orderable = catalogue.orderable();
        String currency = orderable.currency() == null ? properties.currency()
                : orderable.currency().getCurrencyCode();
        return ServicesResponse.of(orderable, currency, availability.current(orderable));
    }

    @PostMapping("/quote")
    @Operation(summary = "What an order would cost: a plan or a custom size, in a datacenter, with an operating "
            + "system, for a billing period",
            description = "Answers the price breakdown. 400 for malformed input, 422 for what the catalogue does not "
                    + "offer (catalogue.* codes); 'field' names the request field either way.")
    public QuoteResponse quote(@Valid @RequestBody QuoteBody body) {
        if ((body.planId() == null) == (body.custom() == null)) {
            throw ApiProblem.badRequest("planId", "give either planId or custom, not both and not neither");
        }
        QuoteRequest request = new QuoteRequest(
                body.planId() == null ? null : new PlanId(slug(body.planId(), "planId")),
                body.custom() == null ? null
                        : new VmSpec(body.custom().vcpus(), body.custom().memoryMib(), body.custom().diskGib(), 0),
                new DatacenterId(slug(body.datacenterId(), "datacenterId")),
                new OperatingSystemId(slug(body.operatingSystemId(), "operatingSystemId")),
                period(body.period()));
        return QuoteResponse.of(catalogue.quote(request,
                field -> field.startsWith("spec.") ? "custom." + field.substring("spec.".length()) : field));
    }

    /** A slug, or a 400 naming the field: an id of another shape cannot be in the catalogue. */
    static String slug(String value, String field) {
        if (!Slug.isValid(value)) {
            throw ApiProblem.badRequest(field, "must be 2-63 lower-case letters, digits and inner hyphens");
        }
        return value;
    }

    private static BillingPeriod period(String value) {
        if (value == null || value.isBlank()) {
            return BillingPeriod.MONTHLY;
        }
        try {
            return BillingPeriod.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("period", "must be one of " + Arrays.toString(BillingPeriod.values()));
        }
    }
}
