package com.nettoria.command.vm;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.SnapshotFrequency;
import com.nettoria.coreapi.vm.VmSnapshotSchedule;
import com.nettoria.coreapi.vm.VmSnapshotScheduleClearedEvent;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.coreapi.vm.VmStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.nettoria.command.common.Refusals.refusal;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.STRANGER;
import static com.nettoria.command.vm.BackupScheduleTestData.DAILY;
import static com.nettoria.command.vm.BackupScheduleTestData.FIRST_SLOT;
import static com.nettoria.command.vm.BackupScheduleTestData.FOURTH_SLOT;
import static com.nettoria.command.vm.BackupScheduleTestData.NOW;
import static com.nettoria.command.vm.BackupScheduleTestData.SECOND_SLOT;
import static com.nettoria.command.vm.BackupScheduleTestData.THIRD_SLOT;
import static com.nettoria.command.vm.BackupScheduleTestData.WEEKLY;
import static com.nettoria.command.vm.BackupScheduleTestData.clearSchedule;
import static com.nettoria.command.vm.BackupScheduleTestData.recordSlotTaken;
import static com.nettoria.command.vm.BackupScheduleTestData.retired;
import static com.nettoria.command.vm.BackupScheduleTestData.runSlot;
import static com.nettoria.command.vm.BackupScheduleTestData.scheduleCleared;
import static com.nettoria.command.vm.BackupScheduleTestData.scheduleSet;
import static com.nettoria.command.vm.BackupScheduleTestData.setSchedule;
import static com.nettoria.command.vm.BackupScheduleTestData.slotKept;
import static com.nettoria.command.vm.BackupScheduleTestData.slotRequested;
import static com.nettoria.command.vm.BackupScheduleTestData.slotSkipped;
import static com.nettoria.command.vm.BackupScheduleTestData.slotTaken;
import static com.nettoria.command.vm.VmTestData.active;
import static com.nettoria.command.vm.VmTestData.deletionRequested;
import static com.nettoria.command.vm.VmTestData.destroyed;
import static com.nettoria.command.vm.VmTestData.powerChanged;
import static com.nettoria.command.vm.VmTestData.provisioning;
import static com.nettoria.command.vm.VmTestData.snapshotKept;
import static com.nettoria.command.vm.VmTestData.snapshotRequested;
import static com.nettoria.command.vm.VmTestData.takeSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VM's backup schedule: what its owner may set, how its persistent deadline takes one snapshot per slot (on the
 * fixture's clock), and how retention deletes the oldest automatic snapshots beyond {@code retain} while manual
 * ones keep their own limit.
 */
class VmBackupScheduleTest {

    private FixtureConfiguration<VirtualMachine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VirtualMachine.class);
    }

    /** An active VM with the daily schedule set at {@link BackupScheduleTestData#NOW}, and then {@code more}. */
    private static List<Object> scheduled(Object... more) {
        List<Object> history = new ArrayList<>(active(scheduleSet(DAILY, FIRST_SLOT)));
        for (Object event : more) {
            if (event instanceof List<?> events) {
                history.addAll(events);
            } else {
                history.add(event);
            }
        }
        return history;
    }

    /** Refused as an invalid schedule naming {@code field}. */
    private static Matcher<BusinessRuleViolation> invalidSchedule(String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(BusinessRuleViolation actual, Description mismatch) {
                mismatch.appendText("was " + actual.error());
                return actual instanceof VmRefusal
                        && ErrorCodes.VM_INVALID_SNAPSHOT_SCHEDULE.equals(actual.error().code())
                        && field.equals(actual.error().field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an invalid snapshot schedule naming " + field);
            }
        };
    }

    @Nested
    class TheSlots {

        @Test
        void aDailyScheduleComesDueAtItsTimeInUtcTheNextDayWhenTodaysHasPassed() {
            assertThat(DAILY.slotAfter(NOW)).isEqualTo(FIRST_SLOT);
            assertThat(DAILY.slotAfter(Instant.parse("2026-11-27T02:59:59Z")))
                    .isEqualTo(Instant.parse("2026-11-27T03:00:00Z"));
            assertThat(DAILY.slotAfter(FIRST_SLOT)).isEqualTo(SECOND_SLOT);
        }

        @Test
        void aWeeklyScheduleComesDueOnItsDay() {
            // Friday 10:00 -> Sunday 23:30; Sunday 23:30 itself -> the next Sunday
            assertThat(WEEKLY.slotAfter(NOW)).isEqualTo(Instant.parse("2026-11-29T23:30:00Z"));
            assertThat(WEEKLY.slotAfter(Instant.parse("2026-11-29T23:30:00Z")))
                    .isEqualTo(Instant.parse("2026-12-06T23:30:00Z"));
            assertThat(WEEKLY.slotAfter(Instant.parse("2026-11-29T22:00:00Z")))
                    .isEqualTo(Instant.parse("2026-11-29T23:30:00Z"));
        }

        @Test
        void aSlotNamesItsSnapshotAndItsOperation() {
            assertThat(VmSnapshotSchedule.snapshotName(FIRST_SLOT)).isEqualTo("auto-2026-11-28T03:00Z");
            assertThat(VmSnapshotSchedule.operationId(FIRST_SLOT)).isEqualTo("scheduled-snapshot-2026-11-28T03:00Z");
        }

        @Test
        void namesTheFirstFieldThatBreaksTheRules() {
            assertThat(DAILY.violation()).isEmpty();
            assertThat(WEEKLY.violation()).isEmpty();
            assertThat(field(new VmSnapshotSchedule(null, "03:00", null, 2))).isEqualTo("frequency");
            for (String time : new String[] {null, "3:00", "24:00", "03:60", "03:00:00", "noon"}) {
                assertThat(field(new VmSnapshotSchedule(SnapshotFrequency.DAILY, time, null, 2))).as(time)
                        .isEqualTo("timeOfDay");
            }
            assertThat(field(new VmSnapshotSchedule(SnapshotFrequency.WEEKLY, "03:00", null, 2)))
                    .isEqualTo("dayOfWeek");
            assertThat(field(new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", DayOfWeek.MONDAY, 2)))
                    .isEqualTo("dayOfWeek");
            assertThat(field(new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", null, 0))).isEqualTo("retain");
            assertThat(field(new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", null,
                    VmSnapshotSchedule.MAX_RETAIN + 1))).isEqualTo("retain");
            assertThat(new VmSnapshotSchedule(SnapshotFrequency.DAILY, "00:00", null, VmSnapshotSchedule.MAX_RETAIN)
                    .violation()).isEmpty();
        }

        private String field(VmSnapshotSchedule schedule) {
            return schedule.violation().map(VmSnapshotSchedule.Violation::field).orElse(null);
        }
    }

    @Nested
    class SettingTheSchedule {

        @Test
        void theOwnerSetsADailyScheduleWhoseFirstSlotIsItsDeadline() {
            fixture.givenCurrentTime(NOW).andGiven(active())
                    .when(setSchedule(OWNER, DAILY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(scheduleSet(DAILY, FIRST_SLOT))
                    .expectScheduledDeadline(FIRST_SLOT, FIRST_SLOT);
        }

        @Test
        void aNewScheduleReplacesTheOldAndItsDeadline() {
            Instant sunday = Instant.parse("2026-11-29T23:30:00Z");
            fixture.givenCurrentTime(NOW).andGiven(active()).andGivenCommands(setSchedule(OWNER, DAILY))
                    .when(setSchedule(OWNER, WEEKLY))
                    .expectEvents(scheduleSet(WEEKLY, sunday))
                    .expectScheduledDeadline(sunday, sunday)
                    .expectNoScheduledDeadline(FIRST_SLOT, FIRST_SLOT);
        }

        @Test
        void theSameScheduleAgainChangesNothing() {
            fixture.givenCurrentTime(NOW).andGiven(scheduled())
                    .when(setSchedule(OWNER, DAILY))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aSlotThatCameDueIsNeverScheduledAgain() {
            // slot 1 was run ahead of its time; a schedule set again before it waits for slot 2
            fixture.givenCurrentTime(NOW).andGiven(scheduled(slotRequested(FIRST_SLOT, SECOND_SLOT)))
                    .when(setSchedule(OWNER, new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", null, 3)))
                    .expectEvents(scheduleSet(new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", null, 3),
                            SECOND_SLOT));
        }

        @Test
        void refusesAScheduleThatBreaksTheRulesNamingTheField() {
            fixture.givenCurrentTime(NOW).andGiven(active())
                    .when(setSchedule(OWNER, new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", null,
                            VmSnapshotSchedule.MAX_RETAIN + 1)))
                    .expectException(invalidSchedule("retain"))
                    .expectNoEvents();
            fixture.givenCurrentTime(NOW).andGiven(active())
                    .when(setSchedule(OWNER, new VmSnapshotSchedule(SnapshotFrequency.WEEKLY, "03:00", null, 2)))
                    .expectException(invalidSchedule("dayOfWeek"));
            fixture.givenCurrentTime(NOW).andGiven(active())
                    .when(setSchedule(OWNER, null))
                    .expectException(invalidSchedule("frequency"));
        }

        @Test
        void someoneElsesVmIsAnsweredAsIfItDidNotExist() {
            fixture.givenCurrentTime(NOW).andGiven(active())
                    .when(setSchedule(STRANGER, DAILY))
                    .expectException(refusal(VmRefusal.class, ErrorCodes.VM_NOT_FOUND))
                    .expectNoEvents();
            fixture.givenCurrentTime(NOW).andGiven(scheduled())
                    .when(clearSchedule(STRANGER))
                    .expectException(refusal(VmRefusal.class, ErrorCodes.VM_NOT_FOUND));
        }

        @Test
        void refusesAScheduleForAVmThatIsNotActive() {
            fixture.givenCurrentTime(NOW).andGiven(provisioning())
                    .when(setSchedule(OWNER, DAILY))
                    .expectException(refusal(VmRefusal.class, ErrorCodes.VM_ILLEGAL_STATE,
                            Map.of("status", "PROVISIONING")));
        }

        @Test
        void theOwnerTurnsTheScheduleOffAndItsDeadlineGoes() {
            fixture.givenCurrentTime(NOW).andGiven(active()).andGivenCommands(setSchedule(OWNER, DAILY))
                    .when(clearSchedule(OWNER))
                    .expectEvents(scheduleCleared(VmSnapshotScheduleClearedEvent.BY_OWNER))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void turningOffNoScheduleChangesNothing() {
            fixture.givenCurrentTime(NOW).andGiven(active())
                    .when(clearSchedule(OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class TakingTheDueSlot {

        @Test
        void theDeadlineTakesTheSlotsAutomaticSnapshotAndWaitsForTheNextSlot() {
            fixture.givenCurrentTime(NOW).andGiven(active()).andGivenCommands(setSchedule(OWNER, DAILY))
                    .whenTimeAdvancesTo(FIRST_SLOT)
                    .expectTriggeredDeadlines(FIRST_SLOT)
                    .expectEvents(slotRequested(FIRST_SLOT, SECOND_SLOT))
                    .expectScheduledDeadline(SECOND_SLOT, SECOND_SLOT);
        }

        @Test
        void whileThePlatformRunsEverySlotTakesItsSnapshotInTurn() {
            fixture.givenCurrentTime(NOW).andGiven(active()).andGivenCommands(setSchedule(OWNER, DAILY))
                    .whenTimeAdvancesTo(THIRD_SLOT)
                    .expectTriggeredDeadlines(FIRST_SLOT, SECOND_SLOT, THIRD_SLOT)
                    .expectEvents(slotRequested(FIRST_SLOT, SECOND_SLOT), slotRequested(SECOND_SLOT, THIRD_SLOT),
                            slotRequested(THIRD_SLOT, FOURTH_SLOT))
                    .expectScheduledDeadline(FOURTH_SLOT, FOURTH_SLOT);
        }

        @Test
        void aSlotRunLateAfterDowntimeIsTakenOnceAndTheSlotsMissedMeanwhileAreNotCaughtUp() {
            // the platform was down from before slot 1 until 1 December 04:00; db-scheduler runs the overdue deadline
            Instant backUp = Instant.parse("2026-12-01T04:00:00Z");
            Instant next = Instant.parse("2026-12-02T03:00:00Z");
            fixture.givenCurrentTime(backUp).andGiven(scheduled())
                    .when(runSlot(FIRST_SLOT))
                    .expectEvents(slotRequested(FIRST_SLOT, next))
                    .expectScheduledDeadline(next, next);
        }

        @Test
        void theDueSlotRunAtOnceCancelsItsDeadlineAndWaitsForTheNext() {
            fixture.givenCurrentTime(NOW).andGiven(active()).andGivenCommands(setSchedule(OWNER, DAILY))
                    .when(runSlot(FIRST_SLOT))
                    .expectEvents(slotRequested(FIRST_SLOT, SECOND_SLOT))
                    .expectScheduledDeadline(SECOND_SLOT, SECOND_SLOT)
                    .expectNoScheduledDeadline(FIRST_SLOT, FIRST_SLOT);
        }

        @Test
        void aSlotTriggeredAgainTakesNoSecondSnapshot() {
            fixture.givenCurrentTime(NOW).andGiven(scheduled(slotRequested(FIRST_SLOT, SECOND_SLOT)))
                    .when(runSlot(FIRST_SLOT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aSlotTheScheduleDoesNotWaitForChangesNothing() {
            fixture.givenCurrentTime(NOW).andGiven(scheduled())
                    .when(runSlot(SECOND_SLOT))
                    .expectNoEvents();
            fixture.givenCurrentTime(NOW).andGiven(scheduled(scheduleCleared(VmSnapshotScheduleClearedEvent.BY_OWNER)))
                    .when(runSlot(FIRST_SLOT))
                    .expectNoEvents();
        }

        @Test
        void aPoweredOffVmIsBackedUpAnyway() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(scheduled(powerChanged(PowerState.ON, PowerState.OFF, "power-off")))
                    .when(runSlot(FIRST_SLOT))
                    .expectEvents(slotRequested(FIRST_SLOT, SECOND_SLOT));
        }

        @Test
        void aVmBeingDeletedSkipsTheSlotVisiblyAndWaitsForTheNext() {
            fixture.givenCurrentTime(NOW).andGiven(scheduled(deletionRequested("op-9")))
                    .when(runSlot(FIRST_SLOT))
                    .expectEvents(slotSkipped(FIRST_SLOT, SECOND_SLOT, VmStatus.DELETED, "the VM is being deleted"))
                    .expectScheduledDeadline(SECOND_SLOT, SECOND_SLOT);
        }

        @Test
        void aDeletedVmsScheduleEnds() {
            fixture.givenCurrentTime(NOW).andGiven(scheduled(deletionRequested("op-9"), destroyed("deleted")))
                    .when(runSlot(FIRST_SLOT))
                    .expectEvents(scheduleCleared(VmSnapshotScheduleClearedEvent.VM_DELETED))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aVmHoldingItsManualLimitIsStillBackedUp() {
            List<Object> history = scheduled();
            for (int i = 1; i <= VmSnapshots.LIMIT; i++) {
                history.addAll(snapshotKept("op-m" + i));
            }
            fixture.givenCurrentTime(NOW).andGiven(history)
                    .when(runSlot(FIRST_SLOT))
                    .expectEvents(slotRequested(FIRST_SLOT, SECOND_SLOT));
        }

        @Test
        void whileOlderAutomaticSnapshotsAreBeingDeletedTheSlotIsSkipped() {
            fixture.givenCurrentTime(NOW).andGiven(scheduled(slotKept(FIRST_SLOT, SECOND_SLOT),
                            slotKept(SECOND_SLOT, THIRD_SLOT), slotKept(THIRD_SLOT, FOURTH_SLOT),
                            retired(THIRD_SLOT, FIRST_SLOT)))
                    .when(runSlot(FOURTH_SLOT))
                    .expectEvents(slotSkipped(FOURTH_SLOT, FOURTH_SLOT.plusSeconds(86_400), VmStatus.ACTIVE,
                            "older automatic snapshots are still being deleted"));
        }
    }

    @Nested
    class Retention {

        @Test
        void onceASlotsSnapshotIsTakenTheOldestAutomaticOnesBeyondRetainAreDeleted() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(scheduled(snapshotKept("op-m1"), slotKept(FIRST_SLOT, SECOND_SLOT),
                            slotKept(SECOND_SLOT, THIRD_SLOT), slotRequested(THIRD_SLOT, FOURTH_SLOT)))
                    .when(recordSlotTaken(THIRD_SLOT))
                    .expectEvents(slotTaken(THIRD_SLOT), retired(THIRD_SLOT, FIRST_SLOT));
        }

        @Test
        void withinRetainNothingIsDeleted() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(scheduled(slotKept(FIRST_SLOT, SECOND_SLOT), slotRequested(SECOND_SLOT, THIRD_SLOT)))
                    .when(recordSlotTaken(SECOND_SLOT))
                    .expectEvents(slotTaken(SECOND_SLOT));
        }

        @Test
        void aLowerRetainDeletesEveryAutomaticSnapshotBeyondItAtTheNextTakenSlot() {
            VmSnapshotSchedule keepOne = new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", null, 1);
            fixture.givenCurrentTime(NOW)
                    .andGiven(scheduled(slotKept(FIRST_SLOT, SECOND_SLOT), slotKept(SECOND_SLOT, THIRD_SLOT),
                            scheduleSet(keepOne, THIRD_SLOT), slotRequested(THIRD_SLOT, FOURTH_SLOT)))
                    .when(recordSlotTaken(THIRD_SLOT))
                    .expectEvents(slotTaken(THIRD_SLOT), retired(THIRD_SLOT, FIRST_SLOT),
                            retired(THIRD_SLOT, SECOND_SLOT));
        }

        @Test
        void withoutASchedulePastAutomaticSnapshotsAreKept() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(scheduled(slotKept(FIRST_SLOT, SECOND_SLOT), slotKept(SECOND_SLOT, THIRD_SLOT),
                            slotRequested(THIRD_SLOT, FOURTH_SLOT),
                            scheduleCleared(VmSnapshotScheduleClearedEvent.BY_OWNER)))
                    .when(recordSlotTaken(THIRD_SLOT))
                    .expectEvents(slotTaken(THIRD_SLOT));
        }

        @Test
        void automaticSnapshotsDoNotCountAgainstTheManualLimit() {
            List<Object> history = scheduled(slotKept(FIRST_SLOT, SECOND_SLOT), slotKept(SECOND_SLOT, THIRD_SLOT));
            for (int i = 1; i < VmSnapshots.LIMIT; i++) {
                history.addAll(snapshotKept("op-m" + i));
            }
            fixture.givenCurrentTime(NOW).andGiven(history)
                    .when(takeSnapshot(OWNER, "op-m5"))
                    .expectEvents(snapshotRequested("op-m5"));
            history.addAll(snapshotKept("op-m5"));
            fixture.givenCurrentTime(NOW).andGiven(history)
                    .when(takeSnapshot(OWNER, "op-m6"))
                    .expectException(refusal(VmRefusal.class, ErrorCodes.VM_SNAPSHOT_LIMIT));
        }
    }
}
