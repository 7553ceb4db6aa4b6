package com.nettoria.ui.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.RegisterVmCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vmstats.WatchVmStatsQuery;
import com.nettoria.query.vmstats.VmStatsSampler;
import com.nettoria.ui.security.TokenIssuer;
import com.nettoria.ui.support.OrderApiClient;
import com.nettoria.ui.support.OrderApiTest;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1;
import static com.nettoria.ui.support.DemoCatalogueIds.BASIC_1_DISK_GIB;
import static com.nettoria.ui.support.DemoCatalogueIds.DATACENTER;
import static com.nettoria.ui.support.DemoCatalogueIds.DEBIAN;
import static com.nettoria.ui.support.DemoCatalogueIds.PLACEMENT;
import static com.nettoria.ui.support.DemoCatalogueIds.VCENTER_DATACENTER;
import static com.nettoria.ui.support.OrderApiClient.VMS;
import static com.nettoria.ui.support.OrderApiClient.status;
import static com.nettoria.ui.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * VM monitoring end to end: a VM ordered, paid and provisioned in VMware's vCenter simulator, whose quick stats (the
 * simulator's guest agent makes them move from power-on) a sampling round of the query side reads through the query
 * bus from the command side; the owner (and administrators) then see them, their history and a live stream. Rounds
 * are run by the test ({@link VmStatsSampler#sampleNow()}), not awaited from the schedule.
 */
@OrderApiTest
class VmStatsApiIT {

    private static final Duration STREAM = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    VCenter vcenter;

    @Autowired
    VmStatsSampler sampler;

    @Autowired
    CommandGateway commands;

    @Autowired
    ObjectMapper json;

    @Autowired
    QueryUpdateEmitter updateEmitter;

    WalletApiClient http;
    OrderApiClient orders;
    String customerId;
    String customer;
    String stranger;

    @BeforeEach
    void setUp() {
        http = new WalletApiClient(port);
        orders = new OrderApiClient(http);
        customerId = "customer-" + UUID.randomUUID();
        customer = tokens.issue(customerId, List.of("CUSTOMER")).accessToken();
        stranger = tokens.issue("customer-" + UUID.randomUUID(), List.of("CUSTOMER")).accessToken();
        orders.walletWith(customer, null);
    }

    private static String stats(VmId vmId) {
        return VMS + vmId.value() + "/stats";
    }

    private VCenter.VmInfo inVcenter(VmId vmId) {
        return vcenter.vmInfo(VCENTER_DATACENTER, vmId.vcenterName())
                .orElseThrow(() -> new AssertionError("vCenter has no VM " + vmId.vcenterName()));
    }

    @Test
    void theOwnerSeesWhatVcenterReportedAtTheLastRoundAndItsHistory() {
        VmId vmId = orders.runningVm(customer, "web-1");

        VmStatsSampler.Round round = sampler.sampleNow();
        JsonNode current = http.get(stats(vmId), customer).json();

        VCenter.VmInfo after = inVcenter(vmId);
        assertThat(round.failedDatacenters()).isEmpty();
        assertThat(round.vmsSampled()).isPositive();
        assertThat(current.path("vmId").asText()).isEqualTo(vmId.value());
        assertThat(current.path("powerState").asText()).isEqualTo("ON");
        assertThat(current.path("vcpus").asInt()).isEqualTo(after.vcpus());
        assertThat(current.path("memoryMib").asLong()).isEqualTo(after.memoryMib());
        assertThat(current.path("memoryUsageMib").asLong()).isPositive().isEqualTo(after.memoryUsageMib());
        assertThat(current.path("cpuUsageMhz").asInt()).isPositive();
        assertThat(current.path("uptimeSeconds").asLong()).isBetween(0L, after.uptimeSeconds());
        assertThat(current.path("stale").asBoolean()).isFalse();
        Instant sampledAt = Instant.parse(current.path("sampledAt").asText());

        JsonNode history = http.get(stats(vmId) + "/history", customer).json();

        assertThat(history.path("vmId").asText()).isEqualTo(vmId.value());
        assertThat(history.path("points")).isNotEmpty();
        JsonNode last = history.path("points").get(history.path("points").size() - 1);
        assertThat(Instant.parse(last.path("at").asText())).isBeforeOrEqualTo(sampledAt);
        assertThat(last.path("memoryUsageMib").asLong()).isEqualTo(after.memoryUsageMib());
        assertThat(last.path("powerState").asText()).isEqualTo("ON");
    }

    @Test
    void theStreamSendsTheCurrentValuesAtOnceAndTheNextRoundsWhenTheyAreSampled() throws Exception {
        VmId vmId = orders.runningVm(customer, "web-1");
        sampler.sampleNow();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        LinesInto client = new LinesInto(lines);
        // the response's future completes with the body (when the stream ends): its head is taken as it arrives
        CompletableFuture<HttpResponse.ResponseInfo> head = new CompletableFuture<>();
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + stats(vmId) + "/stream"))
                        .header("Authorization", "Bearer " + customer)
                        .header("Accept", "text/event-stream").build(),
                info -> {
                    head.complete(info);
                    return HttpResponse.BodySubscribers.fromLineSubscriber(client);
                });
        try {
            HttpResponse.ResponseInfo response = head.get(STREAM.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            JsonNode first = nextStatsEvent(lines);
            assertThat(first.path("vmId").asText()).isEqualTo(vmId.value());
            assertThat(first.path("powerState").asText()).isEqualTo("ON");
            Instant firstSampled = Instant.parse(first.path("sampledAt").asText());

            sampler.sampleNow();

            JsonNode next = nextStatsEvent(lines);
            while (!Instant.parse(next.path("sampledAt").asText()).isAfter(firstSampled)) {
                next = nextStatsEvent(lines); // a scheduled round's values may come in between
            }
            assertThat(next.path("memoryUsageMib").asLong()).isEqualTo(inVcenter(vmId).memoryUsageMib());
            assertThat(watched(vmId)).isTrue();
        } finally {
            client.hangUp();
        }
        // the next heartbeat finds the client gone (nettoria.vm-stats.stream.heartbeat=1s in these tests)
        await("the subscription of a stream whose client went away").atMost(STREAM)
                .pollInterval(Duration.ofMillis(100)).until(() -> !watched(vmId));
    }

    private boolean watched(VmId vmId) {
        return updateEmitter.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof WatchVmStatsQuery watch
                        && watch.vmId().equals(vmId));
    }

    /** The data of the next {@code stats} event, within {@link #STREAM}. */
    private JsonNode nextStatsEvent(BlockingQueue<String> lines) throws Exception {
        long deadline = System.nanoTime() + STREAM.toNanos();
        boolean statsEvent = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            if (line.equals("event:" + VmStatsStreams.EVENT)) {
                statsEvent = true;
            } else if (statsEvent && line.startsWith("data:")) {
                return json.readTree(line.substring("data:".length()));
            }
        }
        throw new AssertionError("no stats event within " + STREAM);
    }

    @Test
    void someoneElsesVmsStatsAreNotFoundLikeAVmThatDoesNotExist() {
        VmId vmId = orders.runningVm(customer, "web-1");
        sampler.sampleNow();

        for (String path : List.of(stats(vmId), stats(vmId) + "/history", stats(vmId) + "/stream")) {
            assertProblem(http.get(path, stranger), 404, "vm.not-found", null);
            assertProblem(http.get(path.replace(vmId.value(), UUID.randomUUID().toString()), customer), 404,
                    "vm.not-found", null);
        }
        assertProblem(http.get(VMS + "not-a-uuid/stats", customer), 400, "request.invalid", "vmId");
    }

    @Test
    void aHistoryRangeThatIsNotOneIsRefusedNamingTheParameter() {
        VmId vmId = orders.runningVm(customer, "web-1");
        String history = stats(vmId) + "/history";

        assertProblem(http.get(history + "?from=yesterday", customer), 400, "request.invalid", "from");
        assertProblem(http.get(history + "?to=2026-13-01T00:00:00Z", customer), 400, "request.invalid", "to");
        assertProblem(http.get(history + "?from=2026-11-28T10:00:00Z&to=2026-11-28T09:00:00Z", customer), 400,
                "request.invalid", "from");
        assertProblem(http.get(history + "?from=2026-10-01T00:00:00Z&to=2026-11-28T00:00:00Z", customer), 400,
                "request.invalid", "from");
        ApiResponse empty = http.get(history + "?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z", customer);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().path("points")).isEmpty();
    }

    @Test
    void aVmVcenterHasNotReportedYetHasNoValuesAndIsStale() {
        OrderId orderId = OrderId.forRequest(new CustomerId(customerId), UUID.randomUUID().toString());
        VmId vmId = VmId.forOrder(orderId);
        commands.sendAndWait(new RegisterVmCommand(vmId, orderId, new CustomerId(customerId), "web-1",
                new PlanId(BASIC_1), new VmSpec(1, 1024, BASIC_1_DISK_GIB, 1000), BillingPeriod.MONTHLY,
                new DatacenterId(DATACENTER), new OperatingSystemId(DEBIAN), PLACEMENT, DEBIAN));
        orders.awaitVm(customer, vmId.value(), status("PROVISIONING"));
        sampler.sampleNow();

        JsonNode current = http.get(stats(vmId), customer).json();

        assertThat(current.path("vmId").asText()).isEqualTo(vmId.value());
        assertThat(current.path("sampledAt").isNull()).isTrue();
        assertThat(current.path("cpuUsageMhz").isNull()).isTrue();
        assertThat(current.path("stale").asBoolean()).isTrue();
    }

    @Test
    void administratorsSeeAnyVmsStatsAndCustomersCannotUseTheirPath() {
        VmId vmId = orders.runningVm(customer, "web-1");
        sampler.sampleNow();
        String admin = tokens.issue("admin-" + UUID.randomUUID(), List.of("ADMIN")).accessToken();
        String path = "/api/admin/vms/" + vmId.value() + "/stats";

        JsonNode current = http.get(path, admin).json();

        assertThat(current.path("vmId").asText()).isEqualTo(vmId.value());
        assertThat(current.path("powerState").asText()).isEqualTo("ON");
        assertThat(http.get(path + "/history", admin).json().path("points")).isNotEmpty();
        assertThat(http.get(path, customer).status()).isEqualTo(403);
        assertProblem(http.get("/api/admin/vms/" + UUID.randomUUID() + "/stats", admin), 404, "vm.not-found", null);
    }

    /** Hands each line of a response body to a queue; {@link #hangUp()} closes the connection. */
    private static final class LinesInto implements Flow.Subscriber<String> {

        private final BlockingQueue<String> lines;
        private volatile Flow.Subscription subscription;

        LinesInto(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        void hangUp() {
            if (subscription != null) {
                subscription.cancel();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
