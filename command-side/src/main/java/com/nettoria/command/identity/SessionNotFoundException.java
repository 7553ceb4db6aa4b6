package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** Revoking a session the account never had. */
public class SessionNotFoundException extends BusinessRuleViolation {

    public SessionNotFoundException() {
        super(new BusinessError(ErrorCodes.SESSION_NOT_FOUND, "no such session", "sessionId", Map.of()));
    }
}
