package com.nettoria.coreapi.vm;

/** Where a requested VM operation is: waiting for vCenter, or ended one way or the other. */
public enum VmOperationStatus {
    REQUESTED,
    SUCCEEDED,
    FAILED
}
