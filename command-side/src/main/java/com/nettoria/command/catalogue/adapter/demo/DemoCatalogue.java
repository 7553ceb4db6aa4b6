package com.nettoria.command.catalogue.adapter.demo;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CustomLimits;
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
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.Money;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A catalogue to try the platform with ({@code nettoria.catalogue.demo=true}, the standalone default): one datacenter
 * in Tehran placed on vCenter as {@link DemoCatalogueProperties} says, Debian 12 and Ubuntu 24.04, three plans in
 * IRR, custom sizes and period discounts. Loaded once, when the application is ready and the catalogue has no events
 * at all; a restart, or a catalogue an administrator has started, is left alone. The saves are idempotent, so two
 * nodes starting together at most repeat a save, which changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nettoria.catalogue.demo", havingValue = "true")
@EnableConfigurationProperties(DemoCatalogueProperties.class)
public class DemoCatalogue {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    static final CatalogueId CATALOGUE = CatalogueId.MAIN;
    static final DatacenterId TEHRAN = new DatacenterId("tehran-1");

    private final CommandGateway commands;
    private final EventStore events;
    private final DemoCatalogueProperties vcenter;

    public DemoCatalogue(CommandGateway commands, EventStore events, DemoCatalogueProperties vcenter) {
        this.commands = commands;
        this.events = events;
        this.vcenter = vcenter;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadIntoAnEmptyCatalogue() {
        if (events.lastSequenceNumberFor(CATALOGUE.value()).isPresent()) {
            log.info("The catalogue has events: the demo catalogue is not loaded");
            return;
        }
        commands().forEach(command -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(MetaData.with(Causation.ACTOR_ID, "system")
                        .and(Causation.CAUSE_TYPE, Causation.CauseType.SYSTEM)
                        .and(Causation.CAUSE_ID, "demo-catalogue"))));
        log.info("Loaded the demo catalogue: datacenter {} on vCenter datacenter {}, cluster {}", TEHRAN,
                vcenter.datacenter(), vcenter.cluster());
    }

    /** The saves that make the demo catalogue, in the order they must run (datacenters before what refers to them). */
    List<Object> commands() {
        VcenterPlacement placement = new VcenterPlacement(vcenter.datacenter(), vcenter.cluster(),
                vcenter.resourcePool(), vcenter.folder(), vcenter.datastores(), vcenter.networks());
        return List.of(
                new SaveDatacenterCommand(CATALOGUE, new Datacenter(TEHRAN, "Tehran 1", "تهران ۱", "Tehran", "IR",
                        placement, true)),
                new SaveOperatingSystemCommand(CATALOGUE, new OperatingSystem(new OperatingSystemId("debian-12"),
                        "Debian 12", "دبیان ۱۲", OperatingSystemFamily.LINUX, "12",
                        Map.of(TEHRAN, vcenter.debianTemplate()), true)),
                new SaveOperatingSystemCommand(CATALOGUE, new OperatingSystem(new OperatingSystemId("ubuntu-24-04"),
                        "Ubuntu 24.04 LTS", "اوبونتو ۲۴.۰۴", OperatingSystemFamily.LINUX, "24.04 LTS",
                        Map.of(TEHRAN, vcenter.ubuntuTemplate()), true)),
                plan("basic-1", "Basic 1", "پایه ۱", new VmSpec(1, 1024, 20, 1000), "5000", "3650000", 10),
                plan("standard-2", "Standard 2", "استاندارد ۲", new VmSpec(2, 4096, 60, 2000), "15000", "10950000", 20),
                plan("pro-4", "Pro 4", "حرفه‌ای ۴", new VmSpec(4, 8192, 120, 4000), "30000", "21900000", 30),
                new SaveCustomPricingCommand(CATALOGUE, new CustomPricing(true, irr("2200000"), irr("1100000"),
                        irr("45000"), new CustomLimits(1, 16, 1024, 65536, 20, 1000), 1000)),
                new SavePeriodDiscountsCommand(CATALOGUE, new PeriodDiscounts(Map.of(
                        BillingPeriod.QUARTERLY, BigDecimal.valueOf(5),
                        BillingPeriod.SEMI_ANNUAL, BigDecimal.valueOf(10),
                        BillingPeriod.ANNUAL, BigDecimal.valueOf(15)))));
    }

    private static SavePlanCommand plan(String id, String name, String nameFa, VmSpec spec, String hourly,
                                        String monthly, int sortOrder) {
        return new SavePlanCommand(CATALOGUE, new Plan(new PlanId(id), name, nameFa, spec, irr(hourly), irr(monthly),
                List.of(), true, sortOrder));
    }

    private static Money irr(String amount) {
        return Money.of(amount, "IRR");
    }
}
