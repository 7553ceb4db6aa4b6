package com.nettoria.coreapi.identity;

/** A code was accepted and can never be used again. */
public record OneTimeCodeConsumedEvent(UserId userId, String codeId, CodePurpose purpose) {
}
