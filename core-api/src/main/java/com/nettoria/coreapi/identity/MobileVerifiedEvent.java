package com.nettoria.coreapi.identity;

public record MobileVerifiedEvent(UserId userId, MobileNumber mobile) {
}
