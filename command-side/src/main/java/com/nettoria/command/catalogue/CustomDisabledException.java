package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;

/** A custom size while custom sizes are switched off: refused (`catalogue.custom-disabled`). */
public class CustomDisabledException extends BusinessRuleViolation {

    public CustomDisabledException(BusinessError error) {
        super(error);
    }
}
