package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** A two-factor step that does not fit the current state (enable twice, confirm without setup, disable when off). */
public class TwoFactorStateException extends BusinessRuleViolation {

    public TwoFactorStateException(String message) {
        super(new BusinessError(ErrorCodes.TWO_FACTOR_STATE, message, null, Map.of()));
    }
}
