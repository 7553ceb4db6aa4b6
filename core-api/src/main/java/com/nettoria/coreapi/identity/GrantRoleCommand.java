package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GrantRoleCommand(@TargetAggregateIdentifier UserId userId, Role role) {
}
