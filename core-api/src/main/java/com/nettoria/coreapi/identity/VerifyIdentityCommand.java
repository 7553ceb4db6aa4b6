package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator confirms the submitted identity document. */
public record VerifyIdentityCommand(@TargetAggregateIdentifier UserId userId) {
}
