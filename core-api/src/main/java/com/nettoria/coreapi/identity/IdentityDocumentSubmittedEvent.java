package com.nettoria.coreapi.identity;

/** The profile is complete: the customer declared this identity. */
public record IdentityDocumentSubmittedEvent(UserId userId, IdentityDocument document) {
}
