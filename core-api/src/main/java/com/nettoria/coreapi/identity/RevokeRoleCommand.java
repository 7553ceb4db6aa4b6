package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a role away; takes effect on the user's next request. An account keeps at least one role. */
public record RevokeRoleCommand(@TargetAggregateIdentifier UserId userId, Role role) {
}
