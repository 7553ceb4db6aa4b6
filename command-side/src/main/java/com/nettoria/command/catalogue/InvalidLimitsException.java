package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

/** Custom size limits that no VM could meet (a minimum above its maximum, or below what a VM needs): refused. */
public class InvalidLimitsException extends BusinessRuleViolation {

    public InvalidLimitsException(String field, String message) {
        super(new BusinessError(ErrorCodes.CATALOGUE_INVALID_LIMITS, message, field, null));
    }
}
