package com.nettoria.command.provisioning;

import com.nettoria.command.vcenter.VCenter.DatastoreSpace;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new VM's disk goes on the allowed datastore with the most free space, as long as it leaves 5 % of the
 * datastore (at least 1 GiB) free.
 */
class DatastorePlacementTest {

    private static final List<String> ALLOWED = List.of("ds-ssd-1", "ds-ssd-2", "ds-hdd-1");

    private static DatastoreSpace datastore(String name, long capacityGib, long freeGib) {
        return new DatastoreSpace(name, capacityGib, freeGib);
    }

    @Test
    void theDatastoreWithTheMostFreeSpaceWins() {
        var datastores = List.of(
                datastore("ds-ssd-1", 2000, 600),
                datastore("ds-ssd-2", 2000, 900),
                datastore("ds-hdd-1", 4000, 700));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 40)).contains("ds-ssd-2");
    }

    @Test
    void theMostFreeSpaceWinsWhereverTheDatastoreIsListed() {
        var datastores = List.of(
                datastore("ds-hdd-1", 4000, 3000),
                datastore("ds-ssd-2", 2000, 900),
                datastore("ds-ssd-1", 2000, 600));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 40)).contains("ds-hdd-1");
    }

    @Test
    void datastoresTheDatacenterDoesNotAllowAreIgnoredHoweverEmptyTheyAre() {
        var datastores = List.of(
                datastore("ds-ssd-1", 2000, 600),
                datastore("ds-shared-iso", 10000, 9000));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 40)).contains("ds-ssd-1");
    }

    @Test
    void aDiskThatLeavesExactlyFivePercentFreeFits() {
        // 5 % of 1000 GiB is 50 GiB: 90 - 40 leaves 50
        var datastores = List.of(datastore("ds-ssd-1", 1000, 90));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 40)).contains("ds-ssd-1");
    }

    @Test
    void aDiskThatWouldEatIntoTheFivePercentReserveDoesNotFit() {
        var datastores = List.of(datastore("ds-ssd-1", 1000, 90));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 41)).isEmpty();
    }

    @Test
    void theReserveIsNeverLessThanFivePercentOfTheDatastore() {
        // 5 % of 1010 GiB is 50.5 GiB: 90 - 40 would leave only 50
        var datastores = List.of(datastore("ds-ssd-1", 1010, 90));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 40)).isEmpty();
    }

    @Test
    void theReserveOfASmallDatastoreIsAtLeastOneGib() {
        // 5 % of 10 GiB is half a GiB, less than the 1 GiB minimum
        var datastores = List.of(datastore("ds-ssd-1", 10, 5));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 4)).contains("ds-ssd-1");
        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 5)).isEmpty();
    }

    @Test
    void theDatastoreWithTheMostFreeSpaceIsPassedOverWhenItsReserveWouldBeTouched() {
        // ds-hdd-1 has more free space, but 5 % of its 4000 GiB (200 GiB) must stay free
        var datastores = List.of(
                datastore("ds-hdd-1", 4000, 230),
                datastore("ds-ssd-1", 1000, 200));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 40)).contains("ds-ssd-1");
    }

    @Test
    void noDatastoreIsChosenWhenNoneHasRoom() {
        var datastores = List.of(
                datastore("ds-ssd-1", 2000, 120),
                datastore("ds-ssd-2", 2000, 100),
                datastore("ds-shared-iso", 10000, 9000));

        assertThat(DatastorePlacement.choose(datastores, ALLOWED, 40)).isEmpty();
    }

    @Test
    void noDatastoreIsChosenFromAClusterWithoutDatastores() {
        assertThat(DatastorePlacement.choose(List.of(), ALLOWED, 1)).isEmpty();
    }
}
