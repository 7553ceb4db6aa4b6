package com.nettoria.coreapi.identity;

public record UserSuspendedEvent(UserId userId, String reason) {
}
