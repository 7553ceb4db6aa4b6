package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** An account keeps at least one role. */
public class LastRoleException extends BusinessRuleViolation {

    public LastRoleException() {
        super(new BusinessError(ErrorCodes.LAST_ROLE, "an account keeps at least one role", "role", Map.of()));
    }
}
