package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReactivateUserCommand(@TargetAggregateIdentifier UserId userId) {
}
