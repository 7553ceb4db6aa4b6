package com.nettoria.ui.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.ui.identity.cli.AdminCommandLine;
import com.nettoria.ui.support.IdentityApiClient;
import com.nettoria.ui.support.IdentityApiClient.Session;
import com.nettoria.ui.support.IdentityApiTest;
import com.nettoria.ui.support.TestAccounts;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static com.nettoria.ui.support.IdentityApiClient.body;
import static com.nettoria.ui.support.IdentityApiClient.parseJson;
import static com.nettoria.ui.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue over real HTTP: administrators build it ({@code /api/admin/catalogue}), anyone reads what can be
 * ordered and gets quotes ({@code /api/services}). The catalogue is one for the whole shared application, so each
 * test saves datacenters, operating systems and plans of its own (random ids), and sets custom pricing and period
 * discounts itself before relying on them.
 */
@IdentityApiTest
class CatalogueApiIT {

    private static final String ADMIN = "/api/admin/catalogue";

    @LocalServerPort
    int port;

    @Autowired
    AdminCommandLine cli;

    @Autowired
    JdbcTemplate jdbc;

    IdentityApiClient api;
    String admin;
    String adminId;
    String tag;

    @BeforeEach
    void setUp() {
        api = new IdentityApiClient(port);
        NewAccount account = TestAccounts.newAccount();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cli.execute(List.of("create-admin", "--email", account.email(), "--mobile", account.mobile(),
                        "--first-name", account.firstName(), "--last-name", account.lastName(), "--language", "en"),
                account.password(), null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("create-admin: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        Session session = api.loggedIn(account.email(), account.password());
        admin = session.accessToken();
        adminId = session.userId();
        tag = TestAccounts.letters(6);
    }

    @Test
    void anAdministratorBuildsTheCatalogueAndAnyoneSeesWhatCanBeOrderedWithPricesPerPeriod() {
        String dc = saveDatacenter("dc-" + tag, true);
        String os = saveOperatingSystem("os-" + tag, Map.of(dc, "tpl-" + tag));
        String plan = savePlan("plan-" + tag, "5000", "3650000", List.of(dc), true);
        saveDiscounts(Map.of("QUARTERLY", 5, "SEMI_ANNUAL", 10, "ANNUAL", 15));

        ApiResponse answer = api.get("/api/services", null);

        JsonNode services = ok(answer);
        assertThat(services.path("currency").asText()).isEqualTo("IRR");
        JsonNode datacenter = item(services.path("datacenters"), dc);
        assertThat(datacenter.path("name").asText()).isEqualTo("Tehran " + tag);
        assertThat(datacenter.path("nameFa").asText()).isEqualTo("تهران");
        assertThat(datacenter.path("location").asText()).isEqualTo("Tehran");
        assertThat(datacenter.has("placement")).as("vCenter placement is not public").isFalse();
        JsonNode system = item(services.path("operatingSystems"), os);
        assertThat(system.path("family").asText()).isEqualTo("linux");
        assertThat(texts(system.path("datacenters"))).containsExactly(dc);
        assertThat(system.has("templates")).isFalse();
        JsonNode offered = item(services.path("plans"), plan);
        assertThat(offered.path("vcpus").asInt()).isEqualTo(2);
        assertThat(offered.path("memoryMib").asInt()).isEqualTo(4096);
        assertThat(texts(offered.path("datacenters"))).containsExactly(dc);
        assertThat(offered.path("hourlyPrice").decimalValue()).isEqualByComparingTo("5000");
        assertThat(offered.path("monthlyPrice").decimalValue()).isEqualByComparingTo("3650000");
        JsonNode prices = offered.path("prices");
        assertThat(prices.path("HOURLY").decimalValue()).isEqualByComparingTo("5000");
        assertThat(prices.path("MONTHLY").decimalValue()).isEqualByComparingTo("3650000");
        assertThat(prices.path("QUARTERLY").decimalValue()).isEqualByComparingTo("10402500");   // × 3 × 0.95
        assertThat(prices.path("SEMI_ANNUAL").decimalValue()).isEqualByComparingTo("19710000"); // × 6 × 0.90
        assertThat(prices.path("ANNUAL").decimalValue()).isEqualByComparingTo("37230000");      // × 12 × 0.85
        assertThat(services.path("periods")).extracting(period -> period.path("period").asText() + " "
                        + period.path("months").asInt() + " " + period.path("discountPercent").decimalValue().intValue())
                .containsExactly("HOURLY 0 0", "MONTHLY 1 0", "QUARTERLY 3 5", "SEMI_ANNUAL 6 10", "ANNUAL 12 15");
    }

    @Test
    void quotesAPlanOrACustomSizeWithThePriceBreakdownWithoutSigningIn() {
        String dc = saveDatacenter("dc-" + tag, true);
        String os = saveOperatingSystem("os-" + tag, Map.of(dc, "tpl-" + tag));
        String plan = savePlan("plan-" + tag, "5000", "3650000", List.of(), true);
        saveDiscounts(Map.of("QUARTERLY", 5, "ANNUAL", 15));
        saveCustomPricing(true);

        JsonNode planQuote = ok(api.post("/api/services/quote", null, body("planId", plan, "datacenterId", dc,
                "operatingSystemId", os, "period", "QUARTERLY")));
        JsonNode customQuote = ok(api.post("/api/services/quote", null, body(
                "custom", body("vcpus", 2, "memoryMib", 4096, "diskGib", 60),
                "datacenterId", dc, "operatingSystemId", os, "period", "annual")));
        JsonNode hourly = ok(api.post("/api/services/quote", null, body("planId", plan, "datacenterId", dc,
                "operatingSystemId", os, "period", "HOURLY")));

        assertThat(planQuote.path("planId").asText()).isEqualTo(plan);
        assertThat(planQuote.path("custom").asBoolean()).isFalse();
        assertThat(planQuote.path("months").asInt()).isEqualTo(3);
        assertThat(planQuote.path("currency").asText()).isEqualTo("IRR");
        assertThat(planQuote.path("undiscountedAmount").decimalValue()).isEqualByComparingTo("10950000");
        assertThat(planQuote.path("discountPercent").decimalValue()).isEqualByComparingTo("5");
        assertThat(planQuote.path("discountAmount").decimalValue()).isEqualByComparingTo("547500");
        assertThat(planQuote.path("amountDue").decimalValue()).isEqualByComparingTo("10402500");
        assertThat(planQuote.has("placement")).isFalse();

        assertThat(customQuote.has("planId")).isFalse();
        assertThat(customQuote.path("custom").asBoolean()).isTrue();
        assertThat(customQuote.path("spec").path("trafficGib").asInt()).isEqualTo(500);
        // 2 × 600,000 + 4 GiB × 250,000 + 60 × 12,000 = 2,920,000 a month; 4,000 an hour; × 12 × 0.85
        assertThat(customQuote.path("monthlyPrice").decimalValue()).isEqualByComparingTo("2920000");
        assertThat(customQuote.path("hourlyPrice").decimalValue()).isEqualByComparingTo("4000");
        assertThat(customQuote.path("amountDue").decimalValue()).isEqualByComparingTo("29784000");

        assertThat(hourly.path("months").asInt()).isZero();
        assertThat(hourly.path("amountDue").decimalValue()).isEqualByComparingTo("5000");
    }

    @Test
    void aQuoteTheCatalogueCannotMakeIsAProblemNamingTheRequestField() {
        String dc = saveDatacenter("dc-" + tag, true);
        String os = saveOperatingSystem("os-" + tag, Map.of(dc, "tpl-" + tag));
        String plan = savePlan("plan-" + tag, "5000", "3650000", List.of(), true);
        saveCustomPricing(true);

        assertProblem(quote(body("planId", plan, "datacenterId", "nowhere-" + tag, "operatingSystemId", os)), 422,
                "catalogue.unknown-datacenter", "datacenterId");
        assertProblem(quote(body("planId", "nothing-" + tag, "datacenterId", dc, "operatingSystemId", os)), 422,
                "catalogue.unknown-plan", "planId");
        assertProblem(quote(body("planId", plan, "datacenterId", dc, "operatingSystemId", "none-" + tag)), 422,
                "catalogue.unknown-operating-system", "operatingSystemId");
        assertProblem(quote(body("custom", body("vcpus", 64, "memoryMib", 4096, "diskGib", 60), "datacenterId", dc,
                "operatingSystemId", os)), 422, "catalogue.spec-out-of-range", "custom.vcpus");
        assertProblem(quote(body("custom", body("vcpus", 2, "memoryMib", 4096, "diskGib", 5000), "datacenterId", dc,
                "operatingSystemId", os)), 422, "catalogue.spec-out-of-range", "custom.diskGib");

        assertProblem(quote(body("datacenterId", dc, "operatingSystemId", os)), 400, "request.invalid", "planId");
        assertProblem(quote(body("planId", plan, "custom", body("vcpus", 1, "memoryMib", 1024, "diskGib", 20),
                "datacenterId", dc, "operatingSystemId", os)), 400, "request.invalid", "planId");
        assertProblem(quote(body("planId", plan, "operatingSystemId", os)), 400, "request.invalid", "datacenterId");
        assertProblem(quote(body("planId", "Not A Slug", "datacenterId", dc, "operatingSystemId", os)), 400,
                "request.invalid", "planId");
        assertProblem(quote(body("planId", plan, "datacenterId", dc, "operatingSystemId", os, "period", "weekly")),
                400, "request.invalid", "period");
        assertProblem(quote(body("custom", body("vcpus", 2, "memoryMib", 100, "diskGib", 20), "datacenterId", dc,
                "operatingSystemId", os)), 400, "request.invalid", "custom.memoryMib");
        assertProblem(quote(body("custom", body("vcpus", "two", "memoryMib", 1024, "diskGib", 20),
                "datacenterId", dc, "operatingSystemId", os)), 400, "request.malformed", "custom.vcpus");
    }

    @Test
    void withdrawnThingsLeaveThePublicCatalogueAndCannotBeQuotedButAdministratorsStillSeeThem() {
        String dc = saveDatacenter("dc-" + tag, true);
        String closed = saveDatacenter("closed-" + tag, false);
        String os = saveOperatingSystem("os-" + tag, Map.of(dc, "tpl-" + tag, closed, "tpl-" + tag));
        String plan = savePlan("plan-" + tag, "5000", "3650000", List.of(), true);
        String old = savePlan("old-" + tag, "1000", "730000", List.of(dc), false);

        JsonNode services = ok(api.get("/api/services", null));
        JsonNode everything = ok(api.get(ADMIN, admin));

        assertThat(ids(services.path("datacenters"))).contains(dc).doesNotContain(closed);
        assertThat(texts(item(services.path("operatingSystems"), os).path("datacenters"))).containsExactly(dc);
        assertThat(texts(item(services.path("plans"), plan).path("datacenters"))).contains(dc).doesNotContain(closed);
        assertThat(ids(services.path("plans"))).doesNotContain(old);
        assertThat(item(everything.path("datacenters"), closed).path("orderable").asBoolean()).isFalse();
        assertThat(item(everything.path("plans"), old).path("orderable").asBoolean()).isFalse();
        assertThat(item(everything.path("operatingSystems"), os).path("templates").size()).isEqualTo(2);
        assertThat(item(everything.path("datacenters"), dc).path("placement").path("cluster").asText())
                .isEqualTo("DC0_C0");
        assertProblem(quote(body("planId", old, "datacenterId", dc, "operatingSystemId", os)), 422,
                "catalogue.not-orderable", "planId");
        assertProblem(quote(body("planId", plan, "datacenterId", closed, "operatingSystemId", os)), 422,
                "catalogue.not-orderable", "datacenterId");
    }

    @Test
    void eachSaveAnswersTheSavedThingAndRecordsTheAdministratorAsItsCause() {
        String dc = "dc-" + tag;
        ApiResponse saved = api.put(ADMIN + "/datacenters/" + dc, admin, datacenterBody(dc, true));

        JsonNode datacenter = ok(saved);
        assertThat(datacenter.path("id").asText()).isEqualTo(dc);
        assertThat(datacenter.path("country").asText()).isEqualTo("IR");
        assertThat(texts(datacenter.path("placement").path("datastores"))).containsExactly("LocalDS_0", "LocalDS_1");
        assertThat(datacenter.path("placement").path("resourcePool").isNull()).isTrue();
        JsonNode metaData = parseJson(jdbc.queryForObject("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                 WHERE aggregateidentifier = 'main' ORDER BY sequencenumber DESC LIMIT 1""", String.class));
        assertThat(metaData.path(Causation.ACTOR_ID).asText()).isEqualTo(adminId);
        assertThat(metaData.path(Causation.CAUSE_TYPE).asText()).isEqualTo(Causation.CauseType.ADMIN_REQUEST);
        assertThat(metaData.path(Causation.ACTOR_ROLES).asText()).contains("ADMIN");
        assertThat(metaData.path(Causation.REQUEST_ID).asText()).isNotBlank();
    }

    @Test
    void savingTheSameThingAgainAnswersItAndRecordsNothing() {
        String dc = saveDatacenter("dc-" + tag, true);
        long events = catalogueEvents();

        JsonNode again = ok(api.put(ADMIN + "/datacenters/" + dc, admin, datacenterBody(dc, true)));

        assertThat(again.path("id").asText()).isEqualTo(dc);
        assertThat(catalogueEvents()).isEqualTo(events);
    }

    @Test
    void aDatacentersCapacityIsAProblemWhenVcenterCannotAnswerOrTheDatacenterIsUnknown() {
        // this application context has no vCenter configured (the order and VM ITs read it from the simulator)
        String dc = saveDatacenter("dc-" + tag, true);

        assertProblem(api.get(ADMIN + "/datacenters/" + dc + "/capacity", admin), 503, "vcenter.unavailable", null);
        JsonNode overview = api.get("/api/admin/capacity", admin).json().path("datacenters");
        assertThat(overview).filteredOn(item -> item.path("datacenterId").asText().equals(dc)).singleElement()
                .satisfies(item -> {
                    assertThat(item.path("available").asBoolean()).isFalse();
                    assertThat(item.path("capacity").isNull()).isTrue();
                });
        assertProblem(api.get(ADMIN + "/datacenters/nowhere-" + tag + "/capacity", admin), 404,
                "catalogue.unknown-datacenter", null);
        assertProblem(api.get(ADMIN + "/datacenters/Not_A_Slug/capacity", admin), 400, "request.invalid",
                "datacenterId");
    }

    @Test
    void administrativeChangesTheCatalogueRefusesAreProblemsNamingTheField() {
        String dc = saveDatacenter("dc-" + tag, true);
        savePlan("plan-" + tag, "5000", "3650000", List.of(), true); // the catalogue's currency is IRR from here on

        assertProblem(api.put(ADMIN + "/operating-systems/os-" + tag, admin, osBody(Map.of("nowhere-" + tag, "t"))),
                422, "catalogue.unknown-datacenter", "templates");
        assertProblem(api.put(ADMIN + "/plans/p-" + tag, admin, planBody("0", "3650000", List.of(), true, null)),
                400, "catalogue.price-not-positive", "hourlyPrice");
        assertProblem(api.put(ADMIN + "/plans/p-" + tag, admin, planBody("1", "70", List.of(), true, "USD")),
                422, "catalogue.currency-mismatch", "hourlyPrice");
        assertProblem(api.put(ADMIN + "/plans/p-" + tag, admin, planBody("5000.001", "3650000", List.of(), true, null)),
                400, "request.invalid", "hourlyPrice");
        assertProblem(api.put(ADMIN + "/plans/p-" + tag, admin, planBody("5000", "3650000", List.of("nowhere-" + tag),
                true, null)), 422, "catalogue.unknown-datacenter", "datacenters");
        assertProblem(api.put(ADMIN + "/custom-pricing", admin, customBody(true, 8, 4)), 422,
                "catalogue.invalid-limits", "limits.maxVcpus");
        assertProblem(api.put(ADMIN + "/period-discounts", admin, body("discountPercents", Map.of("ANNUAL", 150))),
                400, "catalogue.invalid-discount", "discountPercents.ANNUAL");
        assertProblem(api.put(ADMIN + "/period-discounts", admin, body("discountPercents", Map.of("WEEKLY", 5))),
                400, "request.invalid", "discountPercents");

        Map<String, Object> nameless = datacenterBody(dc, true);
        nameless.remove("name");
        assertProblem(api.put(ADMIN + "/datacenters/" + dc, admin, nameless), 400, "request.invalid", "name");
        Map<String, Object> lowerCountry = datacenterBody(dc, true);
        lowerCountry.put("country", "ir");
        assertProblem(api.put(ADMIN + "/datacenters/" + dc, admin, lowerCountry), 400, "request.invalid", "country");
        assertProblem(api.put(ADMIN + "/datacenters/Tehran_1", admin, datacenterBody(dc, true)), 400,
                "request.invalid", "datacenterId");
        Map<String, Object> unknownFamily = osBody(Map.of(dc, "t"));
        unknownFamily.put("family", "solaris");
        assertProblem(api.put(ADMIN + "/operating-systems/os-" + tag, admin, unknownFamily), 400, "request.invalid",
                "family");
    }

    @Test
    void onlyAdministratorsChangeOrSeeTheWholeCatalogue() {
        Session customer = api.registered(TestAccounts.newAccount());
        String dc = "dc-" + tag;

        assertProblem(api.put(ADMIN + "/datacenters/" + dc, customer.accessToken(), datacenterBody(dc, true)), 403,
                "auth.forbidden", null);
        assertProblem(api.get(ADMIN, customer.accessToken()), 403, "auth.forbidden", null);
        assertProblem(api.put(ADMIN + "/datacenters/" + dc, null, datacenterBody(dc, true)), 401,
                "auth.unauthenticated", null);
        assertThat(ids(ok(api.get(ADMIN, admin)).path("datacenters"))).doesNotContain(dc);
        assertThat(api.get("/api/services", customer.accessToken()).status()).isEqualTo(200);
    }

    // ---- saving ---------------------------------------------------------------------------------------------------

    private String saveDatacenter(String id, boolean orderable) {
        ok(api.put(ADMIN + "/datacenters/" + id, admin, datacenterBody(id, orderable)));
        return id;
    }

    private String saveOperatingSystem(String id, Map<String, String> templates) {
        ok(api.put(ADMIN + "/operating-systems/" + id, admin, osBody(templates)));
        return id;
    }

    private String savePlan(String id, String hourly, String monthly, List<String> datacenters, boolean orderable) {
        JsonNode plan = ok(api.put(ADMIN + "/plans/" + id, admin, planBody(hourly, monthly, datacenters, orderable,
                null)));
        assertThat(plan.path("currency").asText()).isEqualTo("IRR");
        return id;
    }

    private void saveDiscounts(Map<String, Integer> percents) {
        JsonNode periods = ok(api.put(ADMIN + "/period-discounts", admin, body("discountPercents", percents)));
        assertThat(periods).hasSize(5);
    }

    private void saveCustomPricing(boolean enabled) {
        JsonNode custom = ok(api.put(ADMIN + "/custom-pricing", admin, customBody(enabled, 1, 16)));
        assertThat(custom.path("enabled").asBoolean()).isEqualTo(enabled);
    }

    private Map<String, Object> datacenterBody(String id, boolean orderable) {
        return body("name", "Tehran " + tag, "nameFa", "تهران", "location", "Tehran", "country", "IR",
                "placement", body("datacenter", "DC0", "cluster", "DC0_C0", "datastores", List.of("LocalDS_0", "LocalDS_1"),
                        "networks", List.of("DC0_DVPG0")),
                "orderable", orderable);
    }

    private Map<String, Object> osBody(Map<String, String> templates) {
        return body("name", "Debian 12", "nameFa", "دبیان ۱۲", "family", "Linux", "version", "12",
                "templates", templates);
    }

    private static Map<String, Object> planBody(String hourly, String monthly, List<String> datacenters,
                                                boolean orderable, String currency) {
        return body("name", "Standard 2", "nameFa", "استاندارد ۲", "vcpus", 2, "memoryMib", 4096, "diskGib", 60,
                "trafficGib", 2000, "hourlyPrice", new BigDecimal(hourly), "monthlyPrice", new BigDecimal(monthly),
                "currency", currency, "datacenters", datacenters, "orderable", orderable, "sortOrder", 20);
    }

    private static Map<String, Object> customBody(boolean enabled, int minVcpus, int maxVcpus) {
        return body("enabled", enabled, "monthlyPricePerVcpu", 600000, "monthlyPricePerGibMemory", 250000,
                "monthlyPricePerGibDisk", 12000, "trafficGib", 500,
                "limits", body("minVcpus", minVcpus, "maxVcpus", maxVcpus, "minMemoryMib", 1024,
                        "maxMemoryMib", 65536, "minDiskGib", 20, "maxDiskGib", 1000));
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    private ApiResponse quote(Map<String, Object> request) {
        return api.post("/api/services/quote", null, request);
    }

    private long catalogueEvents() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'main'",
                Long.class);
        return count == null ? 0 : count;
    }

    private static JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static JsonNode item(JsonNode array, String id) {
        return StreamSupport.stream(array.spliterator(), false).filter(item -> id.equals(item.path("id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + " in " + array));
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(item -> item.path("id").asText()).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
