package com.nettoria.coreapi.identity;

/** Profile completion: no identity document yet, a document submitted (profile complete), or verified by an admin. */
public enum IdentityStatus {
    NONE, SUBMITTED, VERIFIED
}
