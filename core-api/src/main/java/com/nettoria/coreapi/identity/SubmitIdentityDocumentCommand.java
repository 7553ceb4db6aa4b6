package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Completes the profile with a national code or passport; replaces an unverified earlier document. */
public record SubmitIdentityDocumentCommand(@TargetAggregateIdentifier UserId userId, IdentityDocument document) {
}
