package com.nettoria.ui.catalogue;

import com.nettoria.coreapi.capacity.DatacenterCapacityView;
import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.capacity.VcenterCapacityView;
import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.CustomLimits;
import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Money;
import com.nettoria.ui.catalogue.CatalogueApi.DatacenterItem;
import com.nettoria.ui.catalogue.CatalogueApi.PlanItem;
import com.nettoria.ui.catalogue.CatalogueApi.ServicesResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public catalogue marks a plan sold out in a datacenter where it no longer fits what is left, and a datacenter
 * sold out when nothing it offers fits; unknown figures mark nothing.
 */
class SoldOutMarksTest {

    private static final DatacenterId TEHRAN = new DatacenterId("tehran-1");
    private static final DatacenterId MASHHAD = new DatacenterId("mashhad-1");
    private static final VmSpec SMALL = new VmSpec(1, 1024, 20, 0);
    private static final VmSpec LARGE = new VmSpec(4, 8192, 120, 0);
    private static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC0", "C0", null, null, List.of("ds"),
            List.of("net"));

    private static Datacenter datacenter(DatacenterId id) {
        return new Datacenter(id, id.value(), id.value(), "Tehran", "IR", PLACEMENT, true);
    }

    private static Plan plan(String id, VmSpec spec) {
        Money price = Money.of("1000", "IRR");
        return new Plan(new PlanId(id), id, id, spec, price, price, List.of(TEHRAN, MASHHAD), true, 1);
    }

    private static CatalogueView catalogue(CustomPricing custom) {
        return new CatalogueView(CatalogueId.MAIN, Currency.getInstance("IRR"),
                List.of(datacenter(TEHRAN), datacenter(MASHHAD)), List.of(),
                List.of(plan("small-1", SMALL), plan("large-4", LARGE)), custom, null);
    }

    private static DatacenterCapacityView leaving(DatacenterId id, Resources left, long largestNewDiskGib) {
        Resources sellable = new Resources(64, 131_072, 4000);
        return new DatacenterCapacityView(id,
                new VcenterCapacityView("DC0", "C0", 3, 16, 32_000, 32_000, 0, 131_072, 131_072, 0, List.of()),
                new Oversubscription(BigDecimal.valueOf(4), BigDecimal.ONE, BigDecimal.ONE), sellable,
                sellable.minus(left), left, largestNewDiskGib);
    }

    private static ServicesResponse services(CustomPricing custom, Map<DatacenterId, DatacenterCapacityView> figures) {
        return ServicesResponse.of(catalogue(custom), "IRR",
                new CatalogueAvailability.Snapshot(Instant.now(), figures));
    }

    private static DatacenterItem datacenterItem(ServicesResponse services, DatacenterId id) {
        return services.datacenters().stream().filter(item -> item.id().equals(id.value())).findFirst().orElseThrow();
    }

    private static PlanItem planItem(ServicesResponse services, String id) {
        return services.plans().stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPlanThatNoLongerFitsIsSoldOutThereWhileTheDatacenterStillSellsTheSmallerOne() {
        ServicesResponse services = services(null, Map.of(TEHRAN, leaving(TEHRAN, new Resources(2, 4096, 100), 80)));

        assertThat(planItem(services, "large-4").soldOutIn()).containsExactly(TEHRAN.value());
        assertThat(planItem(services, "small-1").soldOutIn()).isEmpty();
        assertThat(datacenterItem(services, TEHRAN).soldOut()).isFalse();
    }

    @Test
    void aDatacenterWhereNothingItOffersFitsIsSoldOut() {
        ServicesResponse services = services(null, Map.of(TEHRAN, leaving(TEHRAN, new Resources(0, 4096, 100), 80)));

        assertThat(datacenterItem(services, TEHRAN).soldOut()).isTrue();
        assertThat(planItem(services, "small-1").soldOutIn()).containsExactly(TEHRAN.value());
    }

    @Test
    void aDiskNoDatastoreHasRoomForIsSoldOutToo() {
        ServicesResponse services = services(null, Map.of(TEHRAN, leaving(TEHRAN, new Resources(8, 16_384, 500), 10)));

        assertThat(datacenterItem(services, TEHRAN).soldOut()).isTrue();
    }

    @Test
    void aSmallEnoughCustomSizeKeepsTheDatacenterOnSale() {
        CustomPricing custom = new CustomPricing(true, Money.of("1", "IRR"), Money.of("1", "IRR"),
                Money.of("1", "IRR"), new CustomLimits(1, 16, 512, 65_536, 10, 1000), 500);

        ServicesResponse services = services(custom,
                Map.of(TEHRAN, leaving(TEHRAN, new Resources(1, 768, 100), 80)));

        assertThat(planItem(services, "small-1").soldOutIn()).containsExactly(TEHRAN.value());
        assertThat(datacenterItem(services, TEHRAN).soldOut()).isFalse();
    }

    @Test
    void aDatacenterWhoseFiguresAreUnknownIsNotMarked() {
        ServicesResponse services = services(null, Map.of(TEHRAN, leaving(TEHRAN, Resources.NONE, 0)));

        assertThat(datacenterItem(services, MASHHAD).soldOut()).isFalse();
        assertThat(planItem(services, "large-4").soldOutIn()).containsExactly(TEHRAN.value());
    }
}
