package com.nettoria.coreapi.vm;

/** Where a snapshot is: being taken in vCenter, kept there, or being removed. */
public enum VmSnapshotStatus {
    CREATING,
    AVAILABLE,
    DELETING
}
