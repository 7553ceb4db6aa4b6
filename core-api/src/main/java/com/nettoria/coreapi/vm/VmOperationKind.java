package com.nettoria.coreapi.vm;

/**
 * What an operation on a VM does: one per {@link PowerAction}, deleting the VM, taking, restoring or deleting
 * one of its snapshots, growing it (scale), rebuilding it, and suspending or unsuspending it. Names are at most 16
 * characters (the read model's column).
 */
public enum VmOperationKind {
    POWER_ON,
    POWER_OFF,
    FORCE_OFF,
    RESET,
    DELETE,
    SNAPSHOT,
    RESTORE_SNAPSHOT,
    DELETE_SNAPSHOT,
    SCALE,
    REBUILD,
    SUSPEND,
    UNSUSPEND;

    public static VmOperationKind of(PowerAction action) {
        return switch (action) {
            case ON -> POWER_ON;
            case OFF -> POWER_OFF;
            case FORCE_OFF -> FORCE_OFF;
            case RESET -> RESET;
        };
    }
}
