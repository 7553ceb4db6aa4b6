package com.nettoria.coreapi.identity;

public record TwoFactorDisabledEvent(UserId userId) {
}
