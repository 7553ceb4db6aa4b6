package com.nettoria.query.catalogue;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.CatalogueCurrencySetEvent;
import com.nettoria.coreapi.catalogue.CatalogueId;
import com.nettoria.coreapi.catalogue.CatalogueView;
import com.nettoria.coreapi.catalogue.CustomLimits;
import com.nettoria.coreapi.catalogue.CustomPricing;
import com.nettoria.coreapi.catalogue.CustomPricingSavedEvent;
import com.nettoria.coreapi.catalogue.Datacenter;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.DatacenterSavedEvent;
import com.nettoria.coreapi.catalogue.FindCatalogueQuery;
import com.nettoria.coreapi.catalogue.OperatingSystem;
import com.nettoria.coreapi.catalogue.OperatingSystemFamily;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OperatingSystemSavedEvent;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PeriodDiscounts;
import com.nettoria.coreapi.catalogue.PeriodDiscountsSavedEvent;
import com.nettoria.coreapi.catalogue.Plan;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.PlanSavedEvent;
import com.nettoria.coreapi.catalogue.QuoteOrderQuery;
import com.nettoria.coreapi.catalogue.Quoting;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Currencies;
import com.nettoria.coreapi.common.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue read model: datacenters, operating systems with their templates, plans, custom pricing and period
 * discounts, each row as the last event of its thing says. Every write is guarded by the catalogue's sequence number
 * (one aggregate, one sequence), so a repeated or older event changes nothing and the projection can be replayed
 * from zero. Answers the public price list, the administrators' full catalogue and quotes, which it prices by the
 * catalogue's own rules ({@link Quoting}) so that they match what order placement will charge.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class CatalogueProjection {

    public static final String PROCESSING_GROUP = "catalogue-projection";

    private final JdbcTemplate jdbc;

    public CatalogueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CatalogueCurrencySetEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                INSERT INTO catalogue (catalogue_id, currency, last_sequence) VALUES (?, ?, ?)
                ON CONFLICT (catalogue_id) DO UPDATE SET currency = EXCLUDED.currency,
                                                         last_sequence = EXCLUDED.last_sequence
                 WHERE catalogue.last_sequence < EXCLUDED.last_sequence""",
                event.catalogueId().value(), event.currency().getCurrencyCode(), sequence);
    }

    @EventHandler
    void on(DatacenterSavedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        Datacenter datacenter = event.datacenter();
        VcenterPlacement placement = datacenter.placement();
        jdbc.update("""
                INSERT INTO catalogue_datacenter (datacenter_id, name, name_fa, location, country, vcenter_datacenter,
                                                  vcenter_cluster, vcenter_resource_pool, vcenter_folder,
                                                  vcenter_datastores, vcenter_networks, orderable, last_sequence,
                                                  updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (datacenter_id) DO UPDATE SET
                    name = EXCLUDED.name, name_fa = EXCLUDED.name_fa, location = EXCLUDED.location,
                    country = EXCLUDED.country, vcenter_datacenter = EXCLUDED.vcenter_datacenter,
                    vcenter_cluster = EXCLUDED.vcenter_cluster, vcenter_resource_pool = EXCLUDED.vcenter_resource_pool,
                    vcenter_folder = EXCLUDED.vcenter_folder, vcenter_datastores = EXCLUDED.vcenter_datastores,
                    vcenter_networks = EXCLUDED.vcenter_networks, orderable = EXCLUDED.orderable,
                    last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                 WHERE catalogue_datacenter.last_sequence < EXCLUDED.last_sequence""",
                datacenter.id().value(), datacenter.name(), datacenter.nameFa(), datacenter.location(),
                datacenter.country(), placement.datacenter(), placement.cluster(), placement.resourcePool(),
                placement.folder(), placement.datastores().toArray(String[]::new),
                placement.networks().toArray(String[]::new), datacenter.orderable(), sequence,
                Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(OperatingSystemSavedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        OperatingSystem system = event.operatingSystem();
        int changed = jdbc.update("""
                INSERT INTO catalogue_operating_system (operating_system_id, name, name_fa, family, version, orderable,
                                                        last_sequence, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (operating_system_id) DO UPDATE SET
                    name = EXCLUDED.name, name_fa = EXCLUDED.name_fa, family = EXCLUDED.family,
                    version = EXCLUDED.version, orderable = EXCLUDED.orderable,
                    last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                 WHERE catalogue_operating_system.last_sequence < EXCLUDED.last_sequence""",
                system.id().value(), system.name(), system.nameFa(), system.family().name(), system.version(),
                system.orderable(), sequence, Timestamp.from(occurredAt));
        if (changed == 1) {
            jdbc.update("DELETE FROM catalogue_os_template WHERE operating_system_id = ?", system.id().value());
            system.templates().forEach((datacenter, template) -> jdbc.update("""
                            INSERT INTO catalogue_os_template (operating_system_id, datacenter_id, template)
                            VALUES (?, ?, ?)""",
                    system.id().value(), datacenter.value(), template));
        }
    }

    @EventHandler
    void on(PlanSavedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        Plan plan = event.plan();
        VmSpec spec = plan.spec();
        jdbc.update("""
                INSERT INTO catalogue_plan (plan_id, name, name_fa, vcpus, memory_mib, disk_gib, traffic_gib,
                                            hourly_price, monthly_price, currency, datacenters, orderable, sort_order,
                                            last_sequence, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (plan_id) DO UPDATE SET
                    name = EXCLUDED.name, name_fa = EXCLUDED.name_fa, vcpus = EXCLUDED.vcpus,
                    memory_mib = EXCLUDED.memory_mib, disk_gib = EXCLUDED.disk_gib,
                    traffic_gib = EXCLUDED.traffic_gib, hourly_price = EXCLUDED.hourly_price,
                    monthly_price = EXCLUDED.monthly_price, currency = EXCLUDED.currency,
                    datacenters = EXCLUDED.datacenters, orderable = EXCLUDED.orderable,
                    sort_order = EXCLUDED.sort_order, last_sequence = EXCLUDED.last_sequence,
                    updated_at = EXCLUDED.updated_at
                 WHERE catalogue_plan.last_sequence < EXCLUDED.last_sequence""",
                plan.id().value(), plan.name(), plan.nameFa(), spec.vcpus(), spec.memoryMib(), spec.diskGib(),
                spec.trafficGib(), plan.hourlyPrice().amount(), plan.monthlyPrice().amount(),
                plan.monthlyPrice().currency().getCurrencyCode(),
                plan.datacenters().stream().map(DatacenterId::value).toArray(String[]::new), plan.orderable(),
                plan.sortOrder(), sequence, Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(CustomPricingSavedEvent event, @SequenceNumber long sequence) {
        CustomPricing pricing = event.pricing();
        CustomLimits limits = pricing.limits();
        jdbc.update("""
                INSERT INTO catalogue_custom_pricing (catalogue_id, enabled, monthly_price_per_vcpu,
                                                      monthly_price_per_gib_memory, monthly_price_per_gib_disk,
                                                      currency, min_vcpus, max_vcpus, min_memory_mib, max_memory_mib,
                                                      min_disk_gib, max_disk_gib, traffic_gib, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (catalogue_id) DO UPDATE SET
                    enabled = EXCLUDED.enabled, monthly_price_per_vcpu = EXCLUDED.monthly_price_per_vcpu,
                    monthly_price_per_gib_memory = EXCLUDED.monthly_price_per_gib_memory,
                    monthly_price_per_gib_disk = EXCLUDED.monthly_price_per_gib_disk, currency = EXCLUDED.currency,
                    min_vcpus = EXCLUDED.min_vcpus, max_vcpus = EXCLUDED.max_vcpus,
                    min_memory_mib = EXCLUDED.min_memory_mib, max_memory_mib = EXCLUDED.max_memory_mib,
                    min_disk_gib = EXCLUDED.min_disk_gib, max_disk_gib = EXCLUDED.max_disk_gib,
                    traffic_gib = EXCLUDED.traffic_gib, last_sequence = EXCLUDED.last_sequence
                 WHERE catalogue_custom_pricing.last_sequence < EXCLUDED.last_sequence""",
                event.catalogueId().value(), pricing.enabled(), pricing.monthlyPricePerVcpu().amount(),
                pricing.monthlyPricePerGibMemory().amount(), pricing.monthlyPricePerGibDisk().amount(),
                pricing.monthlyPricePerVcpu().currency().getCurrencyCode(), limits.minVcpus(), limits.maxVcpus(),
                limits.minMemoryMib(), limits.maxMemoryMib(), limits.minDiskGib(), limits.maxDiskGib(),
                pricing.trafficGib(), sequence);
    }

    @EventHandler
    void on(PeriodDiscountsSavedEvent event, @SequenceNumber long sequence) {
        event.discounts().percents().forEach((period, percent) -> jdbc.update("""
                        INSERT INTO catalogue_period_discount (catalogue_id, period, discount_percent, last_sequence)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (catalogue_id, period) DO UPDATE SET
                            discount_percent = EXCLUDED.discount_percent, last_sequence = EXCLUDED.last_sequence
                         WHERE catalogue_period_discount.last_sequence < EXCLUDED.last_sequence""",
                event.catalogueId().value(), period.name(), percent, sequence));
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM catalogue_os_template");
        jdbc.update("DELETE FROM catalogue_operating_system");
        jdbc.update("DELETE FROM catalogue_datacenter");
        jdbc.update("DELETE FROM catalogue_plan");
        jdbc.update("DELETE FROM catalogue_custom_pricing");
        jdbc.update("DELETE FROM catalogue_period_discount");
        jdbc.update("DELETE FROM catalogue");
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    @QueryHandler
    public CatalogueView handle(FindCatalogueQuery query) {
        CatalogueView catalogue = load(query.catalogueId());
        return query.orderableOnly() ? orderableOnly(catalogue) : catalogue;
    }

    /**
     * Prices the request by the catalogue's rules against this read model; a refusal fails the query with a
     * {@link QueryExecutionException} whose details are the {@link com.nettoria.coreapi.common.BusinessError}.
     */
    @QueryHandler
    public OrderQuote handle(QuoteOrderQuery query) {
        CatalogueView catalogue = load(CatalogueId.MAIN);
        return Quoting.quote(query.request(), new ViewContents(catalogue),
                error -> new QueryExecutionException(error.message(), null, error));
    }

    private CatalogueView load(CatalogueId catalogueId) {
        String currency = jdbc.query("SELECT currency FROM catalogue WHERE catalogue_id = ?",
                (rs, row) -> rs.getString("currency"), catalogueId.value()).stream().findFirst().orElse(null);
        Map<String, Map<DatacenterId, String>> templates = new HashMap<>();
        jdbc.query("SELECT * FROM catalogue_os_template", rs -> {
            templates.computeIfAbsent(rs.getString("operating_system_id"), id -> new HashMap<>())
                    .put(new DatacenterId(rs.getString("datacenter_id")), rs.getString("template"));
        });
        List<OperatingSystem> systems = jdbc.query("SELECT * FROM catalogue_operating_system ORDER BY operating_system_id",
                (rs, row) -> new OperatingSystem(new OperatingSystemId(rs.getString("operating_system_id")),
                        rs.getString("name"), rs.getString("name_fa"),
                        OperatingSystemFamily.valueOf(rs.getString("family")), rs.getString("version"),
                        templates.getOrDefault(rs.getString("operating_system_id"), Map.of()),
                        rs.getBoolean("orderable")));
        Map<BillingPeriod, BigDecimal> percents = new EnumMap<>(BillingPeriod.class);
        jdbc.query("SELECT period, discount_percent FROM catalogue_period_discount WHERE catalogue_id = ?",
                rs -> {
                    percents.put(BillingPeriod.valueOf(rs.getString("period")), rs.getBigDecimal("discount_percent"));
                }, catalogueId.value());
        return new CatalogueView(catalogueId, currency == null ? null : Currencies.parse(currency),
                jdbc.query("SELECT * FROM catalogue_datacenter ORDER BY datacenter_id", DATACENTER),
                systems,
                jdbc.query("SELECT * FROM catalogue_plan ORDER BY sort_order, plan_id", PLAN),
                jdbc.query("SELECT * FROM catalogue_custom_pricing WHERE catalogue_id = ?", CUSTOM_PRICING,
                        catalogueId.value()).stream().findFirst().orElse(null),
                new PeriodDiscounts(percents));
    }

    /**
     * What customers may order now: orderable datacenters; orderable operating systems with templates in them;
     * orderable plans with the orderable datacenters that offer them. What cannot be ordered anywhere is left out.
     */
    private static CatalogueView orderableOnly(CatalogueView catalogue) {
        List<Datacenter> datacenters = catalogue.datacenters().stream().filter(Datacenter::orderable).toList();
        List<DatacenterId> open = datacenters.stream().map(Datacenter::id).toList();
        Set<DatacenterId> openSet = Set.copyOf(open);
        List<OperatingSystem> systems = new ArrayList<>();
        for (OperatingSystem system : catalogue.operatingSystems()) {
            Map<DatacenterId, String> where = system.templates().entrySet().stream()
                    .filter(template -> openSet.contains(template.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (system.orderable() && !where.isEmpty()) {
                systems.add(new OperatingSystem(system.id(), system.name(), system.nameFa(), system.family(),
                        system.version(), where, true));
            }
        }
        List<Plan> plans = new ArrayList<>();
        for (Plan plan : catalogue.plans()) {
            List<DatacenterId> where = open.stream().filter(plan::offeredIn).toList();
            if (plan.orderable() && !where.isEmpty()) {
                plans.add(new Plan(plan.id(), plan.name(), plan.nameFa(), plan.spec(), plan.hourlyPrice(),
                        plan.monthlyPrice(), where, true, plan.sortOrder()));
            }
        }
        return new CatalogueView(catalogue.catalogueId(), catalogue.currency(), datacenters, systems, plans,
                catalogue.custom(), catalogue.discounts());
    }

    /** The read model's catalogue, by id, for the quoting rules. */
    private static final class ViewContents implements Quoting.Contents {

        private final CatalogueView view;
        private final Map<DatacenterId, Datacenter> datacenters;
        private final Map<OperatingSystemId, OperatingSystem> systems;
        private final Map<PlanId, Plan> plans;

        ViewContents(CatalogueView view) {
            this.view = view;
            this.datacenters = byId(view.datacenters(), Datacenter::id);
            this.systems = byId(view.operatingSystems(), OperatingSystem::id);
            this.plans = byId(view.plans(), Plan::id);
        }

        private static <K, V> Map<K, V> byId(List<V> values, Function<V, K> id) {
            Map<K, V> byId = new LinkedHashMap<>();
            values.forEach(value -> byId.put(id.apply(value), value));
            return byId;
        }

        @Override
        public Datacenter datacenter(DatacenterId id) {
            return datacenters.get(id);
        }

        @Override
        public OperatingSystem operatingSystem(OperatingSystemId id) {
            return systems.get(id);
        }

        @Override
        public Plan plan(PlanId id) {
            return plans.get(id);
        }

        @Override
        public CustomPricing customPricing() {
            return view.custom();
        }

        @Override
        public PeriodDiscounts discounts() {
            return view.discounts();
        }
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    private static Money money(ResultSet rs, String column) throws SQLException {
        return Money.of(rs.getBigDecimal(column), Currencies.parse(rs.getString("currency")));
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final RowMapper<Datacenter> DATACENTER = (rs, row) -> new Datacenter(
            new DatacenterId(rs.getString("datacenter_id")), rs.getString("name"), rs.getString("name_fa"),
            rs.getString("location"), rs.getString("country"),
            new VcenterPlacement(rs.getString("vcenter_datacenter"), rs.getString("vcenter_cluster"),
                    rs.getString("vcenter_resource_pool"), rs.getString("vcenter_folder"),
                    texts(rs, "vcenter_datastores"), texts(rs, "vcenter_networks")),
            rs.getBoolean("orderable"));

    private static final RowMapper<Plan> PLAN = (rs, row) -> new Plan(
            new PlanId(rs.getString("plan_id")), rs.getString("name"), rs.getString("name_fa"),
            new VmSpec(rs.getInt("vcpus"), rs.getInt("memory_mib"), rs.getInt("disk_gib"), rs.getInt("traffic_gib")),
            money(rs, "hourly_price"), money(rs, "monthly_price"),
            texts(rs, "datacenters").stream().map(DatacenterId::new).toList(),
            rs.getBoolean("orderable"), rs.getInt("sort_order"));

    private static final RowMapper<CustomPricing> CUSTOM_PRICING = (rs, row) -> new CustomPricing(
            rs.getBoolean("enabled"), money(rs, "monthly_price_per_vcpu"), money(rs, "monthly_price_per_gib_memory"),
            money(rs, "monthly_price_per_gib_disk"),
            new CustomLimits(rs.getInt("min_vcpus"), rs.getInt("max_vcpus"), rs.getInt("min_memory_mib"),
                    rs.getInt("max_memory_mib"), rs.getInt("min_disk_gib"), rs.getInt("max_disk_gib")),
            rs.getInt("traffic_gib"));
}
