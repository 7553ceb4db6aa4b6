package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.time.Instant;
import java.util.Map;

/** A new code asked for before the cooldown of the last one passed. */
public class CodeResendTooSoonException extends BusinessRuleViolation {

    public CodeResendTooSoonException(Instant allowedAt, long retryAfterSeconds) {
        super(new BusinessError(ErrorCodes.CODE_RESEND_TOO_SOON,
                "a code was sent moments ago; a new one can be asked for in " + retryAfterSeconds + " s", "channel",
                Map.of("resendAllowedAt", allowedAt.toString(), "retryAfterSeconds", Long.toString(retryAfterSeconds))));
    }
}
