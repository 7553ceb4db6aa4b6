package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;

/** A plan the catalogue does not know: refused (`catalogue.unknown-plan`). */
public class UnknownPlanException extends BusinessRuleViolation {

    public UnknownPlanException(BusinessError error) {
        super(error);
    }
}
