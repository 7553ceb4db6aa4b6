package com.nettoria.coreapi.identity;

public record EmailVerifiedEvent(UserId userId, EmailAddress email) {
}
