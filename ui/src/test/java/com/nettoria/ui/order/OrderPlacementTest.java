package com.nettoria.ui.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.ui.order.OrderApi.CustomSize;
import com.nettoria.ui.order.OrderApi.PlaceOrderRequest;
import com.nettoria.ui.web.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPlacementTest {

    private static PlaceOrderRequest plan(String period, String hostname, String sshKey) {
        return new PlaceOrderRequest("basic-2", null, "tehran-1", "debian-12", period, hostname, sshKey);
    }

    @Test
    void readsAPlanOrderWithThePeriodInAnyCaseAndTheHostnameInLowerCase() {
        OrderPlacement placement = OrderPlacement.of(plan("semi-annual", " Web-1 ", null));

        assertThat(placement.quote().planId().value()).isEqualTo("basic-2");
        assertThat(placement.quote().customSpec()).isNull();
        assertThat(placement.quote().datacenterId().value()).isEqualTo("tehran-1");
        assertThat(placement.quote().operatingSystemId().value()).isEqualTo("debian-12");
        assertThat(placement.quote().period()).isEqualTo(BillingPeriod.SEMI_ANNUAL);
        assertThat(placement.hostname()).isEqualTo("web-1");
        assertThat(placement.sshPublicKey()).isNull();
        assertThat(OrderPlacement.of(plan("Semi_Annual", "web-1", null)).quote().period())
                .isEqualTo(BillingPeriod.SEMI_ANNUAL);
        assertThat(OrderPlacement.of(plan("HOURLY", "web-1", null)).quote().period()).isEqualTo(BillingPeriod.HOURLY);
    }

    @Test
    void readsACustomSizeLeavingTheTrafficToTheCatalogue() {
        OrderPlacement placement = OrderPlacement.of(new PlaceOrderRequest(null, new CustomSize(4, 8192, 100),
                "tehran-1", "debian-12", "annual", "db-1", null));

        assertThat(placement.quote().planId()).isNull();
        assertThat(placement.quote().customSpec()).isEqualTo(new VmSpec(4, 8192, 100, 0));
    }

    @Test
    void theFingerprintChangesWithEveryFieldButNotWithTheirSpelling() {
        String key = OpenSshKeys.ed25519(null);
        String base = OrderPlacement.of(plan("monthly", "web-1", key)).fingerprint();

        assertThat(OrderPlacement.of(plan("MONTHLY", "WEB-1", "  " + key)).fingerprint()).isEqualTo(base);
        assertThat(OrderPlacement.of(plan("annual", "web-1", key)).fingerprint()).isNotEqualTo(base);
        assertThat(OrderPlacement.of(plan("monthly", "web-2", key)).fingerprint()).isNotEqualTo(base);
        assertThat(OrderPlacement.of(plan("monthly", "web-1", null)).fingerprint()).isNotEqualTo(base);
        assertThat(OrderPlacement.of(new PlaceOrderRequest("basic-4", null, "tehran-1", "debian-12", "monthly",
                "web-1", key)).fingerprint()).isNotEqualTo(base);
    }

    @Test
    void acceptsHostnamesOfOneTo63Characters() {
        assertThat(OrderPlacement.of(plan("monthly", "a", null)).hostname()).isEqualTo("a");
        assertThat(OrderPlacement.of(plan("monthly", "1web", null)).hostname()).isEqualTo("1web");
        assertThat(OrderPlacement.of(plan("monthly", "a".repeat(63), null)).hostname()).hasSize(63);
    }

    @Test
    void namesTheFieldOfWhatIsWrong() {
        assertField(new PlaceOrderRequest(null, null, "tehran-1", "debian-12", "monthly", "web", null), "planId");
        assertField(new PlaceOrderRequest("basic-2", new CustomSize(1, 512, 1), "tehran-1", "debian-12", "monthly",
                "web", null), "planId");
        assertField(new PlaceOrderRequest(null, new CustomSize(0, 512, 1), "tehran-1", "debian-12", "monthly", "web",
                null), "custom.vcpus");
        assertField(new PlaceOrderRequest(null, new CustomSize(1, null, 1), "tehran-1", "debian-12", "monthly", "web",
                null), "custom.memoryMib");
        assertField(new PlaceOrderRequest("basic-2", null, "Tehran 1", "debian-12", "monthly", "web", null),
                "datacenterId");
        assertField(new PlaceOrderRequest("basic-2", null, "tehran-1", null, "monthly", "web", null),
                "operatingSystemId");
        assertField(plan("fortnightly", "web", null), "period");
        assertField(plan(null, "web", null), "period");
        assertField(plan("monthly", "web-", null), "hostname");
        assertField(plan("monthly", "a".repeat(64), null), "hostname");
        assertField(plan("monthly", "web", "ssh-ed25519 AAAA"), "sshPublicKey");
    }

    private static void assertField(PlaceOrderRequest request, String field) {
        assertThatThrownBy(() -> OrderPlacement.of(request)).as(field)
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.field()).isEqualTo(field);
                    assertThat(problem.status().value()).isEqualTo(400);
                    assertThat(problem.getMessage()).isNotBlank();
                });
    }
}
