package com.nettoria.coreapi.vm;

/** A VM's backup schedule; answers an {@code Optional<VmSnapshotScheduleView>} (empty without one). */
public record FindVmSnapshotScheduleQuery(VmId vmId) {
}
