package com.nettoria.coreapi.identity;

public record RoleGrantedEvent(UserId userId, Role role) {
}
