package com.nettoria.coreapi.identity;

public record ProfileUpdatedEvent(UserId userId, String firstName, String lastName, String language) {
}
