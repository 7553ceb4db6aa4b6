package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Names and preferred language ({@code fa} or {@code en}). */
public record UpdateProfileCommand(@TargetAggregateIdentifier UserId userId, String firstName, String lastName,
                                   String language) {
}
