package com.nettoria.coreapi.identity;

public record UserReactivatedEvent(UserId userId) {
}
