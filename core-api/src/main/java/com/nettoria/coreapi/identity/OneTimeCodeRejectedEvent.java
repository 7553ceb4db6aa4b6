package com.nettoria.coreapi.identity;

/** A wrong code was entered; after the last attempt the code is dead. */
public record OneTimeCodeRejectedEvent(UserId userId, String codeId, CodePurpose purpose, int attemptsLeft) {
}
