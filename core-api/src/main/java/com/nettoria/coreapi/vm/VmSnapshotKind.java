package com.nettoria.coreapi.vm;

/**
 * Who asked for a snapshot: its owner ({@code MANUAL}, kept until they delete it, at most {@link VmSnapshots#LIMIT})
 * or the VM's backup schedule ({@code SCHEDULED}, the oldest deleted beyond the schedule's {@code retain}).
 */
public enum VmSnapshotKind {
    MANUAL,
    SCHEDULED
}
