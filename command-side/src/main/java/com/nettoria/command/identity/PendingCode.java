package com.nettoria.command.identity;

import com.nettoria.coreapi.identity.CodeCheckResult;
import com.nettoria.coreapi.identity.ContactChannel;

import java.time.Instant;

/** A live one-time code of one purpose: only its keyed hash, its deadline and the tries left. */
record PendingCode(String codeId, ContactChannel channel, String codeHash, Instant issuedAt, Instant expiresAt,
                   int attemptsLeft) {

    /** What entering {@code code} at {@code now} would mean, without changing anything. */
    CodeCheckResult.Outcome check(String code, Instant now, SecretCodes codes) {
        if (attemptsLeft <= 0) {
            return CodeCheckResult.Outcome.TOO_MANY_ATTEMPTS;
        }
        if (!now.isBefore(expiresAt)) {
            return CodeCheckResult.Outcome.EXPIRED;
        }
        return codes.matches(code, codeHash) ? CodeCheckResult.Outcome.ACCEPTED : CodeCheckResult.Outcome.WRONG_CODE;
    }

    PendingCode afterWrongAttempt(int left) {
        return new PendingCode(codeId, channel, codeHash, issuedAt, expiresAt, left);
    }

    Instant resendAllowedAt() {
        return issuedAt.plus(IdentityRules.CODE_RESEND_COOLDOWN);
    }
}
