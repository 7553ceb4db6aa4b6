package com.nettoria.command.identity;

import java.time.Instant;

/** A login that passed its first factor and waits for a TOTP or recovery code. */
record SecondFactorChallenge(String challengeId, Instant expiresAt, int attemptsLeft) {

    boolean openAt(Instant now) {
        return attemptsLeft > 0 && now.isBefore(expiresAt);
    }
}
