package com.nettoria.coreapi.vm;

/**
 * The VM has no backup schedule any more: {@code reason} is {@code owner} (its owner turned it off) or
 * {@code vm-deleted} (the VM is gone from vCenter). Its automatic snapshots stay until deleted.
 */
public record VmSnapshotScheduleClearedEvent(VmId vmId, String reason) {

    public static final String BY_OWNER = "owner";
    public static final String VM_DELETED = "vm-deleted";
}
