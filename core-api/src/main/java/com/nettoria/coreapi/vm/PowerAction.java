package com.nettoria.coreapi.vm;

/**
 * What a customer can do to a VM's power ({@code POST /api/vcenter/vms/{id}/power}). {@code OFF} shuts the guest
 * down gracefully and powers it off hard if it has not stopped after a grace period; {@code FORCE_OFF} powers off
 * at once.
 */
public enum PowerAction {
    ON,
    OFF,
    FORCE_OFF,
    RESET
}
