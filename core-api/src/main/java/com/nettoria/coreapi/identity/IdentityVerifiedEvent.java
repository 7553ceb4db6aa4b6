package com.nettoria.coreapi.identity;

/** An administrator (the actor in the metadata) confirmed the submitted identity. */
public record IdentityVerifiedEvent(UserId userId, IdentityDocument document) {
}
