package com.nettoria.command.common;

import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

/** A money command that does not say who caused it and why: refused, so no cent is ever unexplained. */
public class MissingCausationException extends BusinessRuleViolation {

    public MissingCausationException(String missingKey) {
        super(new BusinessError(ErrorCodes.MISSING_CAUSATION,
                "money commands must carry '" + missingKey + "' metadata", missingKey, null));
    }
}
