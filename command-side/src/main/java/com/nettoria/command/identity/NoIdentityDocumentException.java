package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** An identity can only be verified once declared. */
public class NoIdentityDocumentException extends BusinessRuleViolation {

    public NoIdentityDocumentException() {
        super(new BusinessError(ErrorCodes.NO_IDENTITY_DOCUMENT,
                "the user has not submitted an identity document yet", null, Map.of()));
    }
}
