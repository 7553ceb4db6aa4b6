package com.nettoria.coreapi.vm;

/** How often a VM's backup schedule takes a snapshot: every day, or every week on one day. */
public enum SnapshotFrequency {
    DAILY,
    WEEKLY
}
