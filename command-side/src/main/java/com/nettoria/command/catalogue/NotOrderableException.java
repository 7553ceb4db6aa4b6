package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;

/** A datacenter, operating system or plan that was withdrawn from sale: refused (`catalogue.not-orderable`). */
public class NotOrderableException extends BusinessRuleViolation {

    public NotOrderableException(BusinessError error) {
        super(error);
    }
}
