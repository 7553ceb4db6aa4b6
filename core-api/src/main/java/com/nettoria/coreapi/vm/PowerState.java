package com.nettoria.coreapi.vm;

/** A VM's power state as the platform last knew it. */
public enum PowerState {
    ON,
    OFF,
    SUSPENDED,
    UNKNOWN
}
