package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;

/** A custom size outside the catalogue's limits: refused, naming the resource (`catalogue.spec-out-of-range`). */
public class SpecOutOfRangeException extends BusinessRuleViolation {

    public SpecOutOfRangeException(BusinessError error) {
        super(error);
    }
}
