package com.nettoria.coreapi.vm;

/** What an operation on a VM does: one per {@link PowerAction}, and deleting the VM. */
public enum VmOperationKind {
    POWER_ON,
    POWER_OFF,
    FORCE_OFF,
    RESET,
    DELETE;

    public static VmOperationKind of(PowerAction action) {
        return switch (action) {
            case ON -> POWER_ON;
            case OFF -> POWER_OFF;
            case FORCE_OFF -> FORCE_OFF;
            case RESET -> RESET;
        };
    }
}
