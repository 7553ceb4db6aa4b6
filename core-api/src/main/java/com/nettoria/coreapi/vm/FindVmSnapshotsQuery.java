package com.nettoria.coreapi.vm;

/** A VM's snapshots, oldest first; answers a {@code List<VmSnapshotView>} (empty for an unknown VM). */
public record FindVmSnapshotsQuery(VmId vmId) {
}
