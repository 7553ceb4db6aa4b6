package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** Registration with an email or mobile another account holds. Says not which of the two, to keep anonymous callers from probing. */
public class AccountAlreadyExistsException extends BusinessRuleViolation {

    public AccountAlreadyExistsException() {
        super(new BusinessError(ErrorCodes.ACCOUNT_ALREADY_EXISTS,
                "an account with this email address or mobile number already exists", null, Map.of()));
    }
}
