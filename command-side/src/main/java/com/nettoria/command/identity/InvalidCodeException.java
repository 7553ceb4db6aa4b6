package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.identity.CodeCheckResult;

import java.util.Map;

/** A one-time, TOTP or recovery code that is not right (or no longer usable). */
public class InvalidCodeException extends BusinessRuleViolation {

    public InvalidCodeException(String field, CodeCheckResult.Outcome outcome, int attemptsLeft) {
        super(new BusinessError(ErrorCodes.INVALID_CODE, message(outcome), field,
                Map.of("reason", outcome.name(), "attemptsLeft", Integer.toString(attemptsLeft))));
    }

    private static String message(CodeCheckResult.Outcome outcome) {
        return switch (outcome) {
            case EXPIRED -> "the code has expired; ask for a new one";
            case NO_CODE -> "no code was sent for this; ask for one";
            case TOO_MANY_ATTEMPTS -> "too many wrong codes; ask for a new one";
            default -> "the code is not right";
        };
    }
}
