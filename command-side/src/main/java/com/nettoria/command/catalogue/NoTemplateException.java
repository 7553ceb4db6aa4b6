package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;

/** An operating system with no vCenter template in the chosen datacenter: refused (`catalogue.no-template`). */
public class NoTemplateException extends BusinessRuleViolation {

    public NoTemplateException(BusinessError error) {
        super(error);
    }
}
