package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;

/** An operating system the catalogue does not know: refused (`catalogue.unknown-operating-system`). */
public class UnknownOperatingSystemException extends BusinessRuleViolation {

    public UnknownOperatingSystemException(BusinessError error) {
        super(error);
    }
}
