package com.nettoria.coreapi.identity;

/** An account is active unless an admin suspended it; suspended accounts cannot log in and their tokens stop. */
public enum AccountStatus {
    ACTIVE, SUSPENDED
}
