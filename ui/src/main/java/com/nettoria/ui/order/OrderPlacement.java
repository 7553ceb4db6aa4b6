package com.nettoria.ui.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Slug;
import com.nettoria.ui.order.OrderApi.CustomSize;
import com.nettoria.ui.order.OrderApi.PlaceOrderRequest;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.IdempotencyKeys;
import com.nettoria.ui.web.RequestValues;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a {@code POST /api/orders} body asks for, checked field by field (a 400 naming the field for anything
 * wrong) before the order desk prices it: the catalogue alone decides whether the plan, datacenter, operating
 * system and size can be ordered.
 *
 * @param fingerprint a digest of everything asked for: the same Idempotency-Key with another body is refused
 */
record OrderPlacement(QuoteRequest quote, String hostname, String sshPublicKey, String fingerprint) {

    /** RFC 1123 host name label: 1-63 letters, digits and hyphens, neither first nor last a hyphen. */
    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    static OrderPlacement of(PlaceOrderRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest(null, "the order is missing");
        }
        boolean plan = body.planId() != null && !body.planId().isBlank();
        if (plan == (body.custom() != null)) {
            throw ApiProblem.badRequest("planId", "give either a planId or a custom size {vcpus, memoryMib, diskGib}");
        }
        PlanId planId = plan ? new PlanId(slug(body.planId(), "planId")) : null;
        VmSpec custom = plan ? null : custom(body.custom());
        DatacenterId datacenter = new DatacenterId(slug(body.datacenterId(), "datacenterId"));
        OperatingSystemId operatingSystem = new OperatingSystemId(slug(body.operatingSystemId(), "operatingSystemId"));
        BillingPeriod period = RequestValues.requiredEnum(BillingPeriod.class, body.period(), "period");
        String hostname = hostname(body.hostname());
        String sshKey = SshPublicKeys.normalise(body.sshPublicKey());
        String fingerprint = IdempotencyKeys.fingerprint("order", planId == null ? null : planId.value(),
                custom == null ? null : Integer.toString(custom.vcpus()),
                custom == null ? null : Integer.toString(custom.memoryMib()),
                custom == null ? null : Integer.toString(custom.diskGib()), datacenter.value(),
                operatingSystem.value(), period.name(), hostname, sshKey);
        return new OrderPlacement(new QuoteRequest(planId, custom, datacenter, operatingSystem, period), hostname,
                sshKey, fingerprint);
    }

    private static String slug(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        String slug = value.strip();
        if (!Slug.isValid(slug)) {
            throw ApiProblem.badRequest(field, field + " must be 2-63 lower-case letters, digits and inner hyphens, "
                    + "as GET /api/services lists them");
        }
        return slug;
    }

    /** The catalogue judges the size's limits; only what no VM can be is refused here. Traffic is the catalogue's. */
    private static VmSpec custom(CustomSize custom) {
        int vcpus = atLeast(custom.vcpus(), 1, "custom.vcpus");
        int memoryMib = atLeast(custom.memoryMib(), 512, "custom.memoryMib");
        int diskGib = atLeast(custom.diskGib(), 1, "custom.diskGib");
        return new VmSpec(vcpus, memoryMib, diskGib, 0);
    }

    private static int atLeast(Integer value, int minimum, String field) {
        if (value == null) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        if (value < minimum) {
            throw ApiProblem.badRequest(field, field + " must be at least " + minimum);
        }
        return value;
    }

    private static String hostname(String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("hostname", "hostname is required");
        }
        String hostname = value.strip().toLowerCase(Locale.ROOT);
        if (!HOSTNAME.matcher(hostname).matches()) {
            throw ApiProblem.badRequest("hostname", "a hostname is 1-63 letters, digits and hyphens, starting and "
                    + "ending with a letter or digit (RFC 1123)");
        }
        return hostname;
    }
}
