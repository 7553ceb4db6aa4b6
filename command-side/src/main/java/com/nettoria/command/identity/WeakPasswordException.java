package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** A password the {@link PasswordPolicy} refuses, with its reason. */
public class WeakPasswordException extends BusinessRuleViolation {

    public WeakPasswordException(String field, String weakness) {
        super(new BusinessError(ErrorCodes.WEAK_PASSWORD,
                "the password " + weakness, field, Map.of("reason", weakness)));
    }
}
