package com.nettoria.coreapi.identity;

public record RoleRevokedEvent(UserId userId, Role role) {
}
