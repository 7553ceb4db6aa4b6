package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** A signed-in user's confirmation with the current password failed. */
public class WrongPasswordException extends BusinessRuleViolation {

    public WrongPasswordException() {
        this("currentPassword");
    }

    public WrongPasswordException(String field) {
        super(new BusinessError(ErrorCodes.WRONG_PASSWORD, "the password is not right", field, Map.of()));
    }
}
