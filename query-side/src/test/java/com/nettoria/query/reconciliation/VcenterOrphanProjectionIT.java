package com.nettoria.query.reconciliation;

import com.nettoria.coreapi.vm.FindVcenterOrphansQuery;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ReconciliationCompletedEvent;
import com.nettoria.coreapi.vm.VcenterOrphanFoundEvent;
import com.nettoria.coreapi.vm.VcenterOrphanView;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.query.identity.Projector;
import com.nettoria.query.identity.ReadModelDatabase;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vCenter orphans read model against a real PostgreSQL with the query side's own migrations: an orphan is listed
 * from the run that found it until a later run that could ask its datacenter no longer finds it.
 */
class VcenterOrphanProjectionIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private static final VmId DESTROYED_VM = new VmId("9a8b7c6d-5e4f-3a2b-8c1d-0e9f8a7b6c5d");

    private VcenterOrphanProjection projection;
    private Projector projector;
    private Instant time = Instant.parse("2026-11-28T10:00:00Z");
    private final List<EventMessage<?>> history = new ArrayList<>();

    @BeforeEach
    void newProjectionOnAnEmptyReadModel() {
        projection = new VcenterOrphanProjection(ReadModelDatabase.emptied(DATABASE, "vcenter_orphan"));
        projector = new Projector(projection);
    }

    /** One reconciliation run: its orphans, then its end, a minute apart; datacenters it could not ask named. */
    private String run(List<VcenterOrphanFoundEvent> orphans, String... unavailable) {
        String runId = UUID.randomUUID().toString();
        Instant startedAt = time;
        for (VcenterOrphanFoundEvent orphan : orphans) {
            publish(new VcenterOrphanFoundEvent(runId, orphan.vcenterDatacenter(), orphan.vcenterName(),
                    orphan.instanceUuid(), orphan.powerState(), orphan.knownVmId()));
        }
        publish(new ReconciliationCompletedEvent(runId, startedAt, time.plusSeconds(30), 3, 0, orphans.size(),
                List.of(unavailable)));
        return runId;
    }

    private void publish(Object payload) {
        time = time.plusSeconds(60);
        EventMessage<?> timed = new GenericEventMessage<>(UUID.randomUUID().toString(), payload,
                MetaData.emptyInstance(), time);
        history.add(timed);
        projector.handle(timed);
    }

    private static VcenterOrphanFoundEvent orphan(String datacenter, String name, VmId knownVmId) {
        return new VcenterOrphanFoundEvent(null, datacenter, name, "uuid-" + name, PowerState.ON, knownVmId);
    }

    private List<VcenterOrphanView> orphans(boolean includeGone) {
        return projection.handle(new FindVcenterOrphansQuery(includeGone));
    }

    @Test
    void anOrphanARunFoundIsListedWithWhatVcenterSaidOfIt() {
        String runId = run(List.of(orphan("DC0", "nettoria-a", DESTROYED_VM), orphan("DC0", "nettoria-b", null)));
        Instant foundA = history.get(0).getTimestamp();

        assertThat(orphans(false)).hasSize(2).anySatisfy(orphan -> {
            assertThat(orphan.vcenterDatacenter()).isEqualTo("DC0");
            assertThat(orphan.vcenterName()).isEqualTo("nettoria-a");
            assertThat(orphan.instanceUuid()).isEqualTo("uuid-nettoria-a");
            assertThat(orphan.powerState()).isEqualTo(PowerState.ON);
            assertThat(orphan.knownVmId()).isEqualTo(DESTROYED_VM);
            assertThat(orphan.firstFoundAt()).isEqualTo(foundA);
            assertThat(orphan.lastFoundAt()).isEqualTo(foundA);
            assertThat(orphan.lastRunId()).isEqualTo(runId);
            assertThat(orphan.goneAt()).isNull();
        });
    }

    @Test
    void anOrphanFoundAgainKeepsWhenItWasFirstFound() {
        run(List.of(orphan("DC0", "nettoria-a", null)));
        Instant first = history.get(0).getTimestamp();
        run(List.of(orphan("DC0", "nettoria-a", null)));

        assertThat(orphans(false)).singleElement().satisfies(orphan -> {
            assertThat(orphan.firstFoundAt()).isEqualTo(first);
            assertThat(orphan.lastFoundAt()).isAfter(first);
        });
    }

    @Test
    void anOrphanALaterRunNoLongerFindsIsGoneAndListedOnlyWithTheGoneOnes() {
        run(List.of(orphan("DC0", "nettoria-a", null), orphan("DC0", "nettoria-b", null)));
        String later = run(List.of(orphan("DC0", "nettoria-b", null)));
        Instant laterCompleted = ((ReconciliationCompletedEvent) history.get(history.size() - 1).getPayload())
                .completedAt();

        assertThat(orphans(false)).extracting(VcenterOrphanView::vcenterName).containsExactly("nettoria-b");
        assertThat(orphans(true)).extracting(VcenterOrphanView::vcenterName)
                .containsExactly("nettoria-b", "nettoria-a");
        assertThat(orphans(true).get(1).goneAt()).isEqualTo(laterCompleted);
        assertThat(later).isNotBlank();
    }

    @Test
    void anOrphanInADatacenterTheRunCouldNotAskIsNotGone() {
        run(List.of(orphan("DC0", "nettoria-a", null), orphan("DC1", "nettoria-c", null)));
        run(List.of(), "DC1");

        assertThat(orphans(false)).extracting(VcenterOrphanView::vcenterName).containsExactly("nettoria-c");
    }

    @Test
    void anOrphanThatComesBackIsListedAgainAsNewlyFound() {
        run(List.of(orphan("DC0", "nettoria-a", null)));
        run(List.of());
        run(List.of(orphan("DC0", "nettoria-a", null)));
        Instant foundAgain = history.get(history.size() - 2).getTimestamp();

        assertThat(orphans(false)).singleElement().satisfies(orphan -> {
            assertThat(orphan.goneAt()).isNull();
            assertThat(orphan.firstFoundAt()).isEqualTo(foundAgain);
        });
    }

    @Test
    void repeatsAndAReplayFromZeroGiveTheSameList() {
        run(List.of(orphan("DC0", "nettoria-a", null), orphan("DC0", "nettoria-b", null)));
        run(List.of(orphan("DC0", "nettoria-b", null)));
        List<VcenterOrphanView> before = orphans(true);

        projector.handle(history);
        assertThat(orphans(true)).isEqualTo(before);
        projector.reset();
        assertThat(orphans(true)).isEmpty();
        projector.handle(history);

        assertThat(orphans(true)).isEqualTo(before);
    }
}
