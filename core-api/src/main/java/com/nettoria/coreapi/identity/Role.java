package com.nettoria.coreapi.identity;

/** What a user may do; carried in the access token's {@code roles} claim and enforced on every endpoint. */
public enum Role {
    CUSTOMER, SUPPORT, ADMIN, AUDITOR
}
