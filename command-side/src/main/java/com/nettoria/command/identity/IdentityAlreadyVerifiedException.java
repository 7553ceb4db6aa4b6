package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** A verified identity document is final. */
public class IdentityAlreadyVerifiedException extends BusinessRuleViolation {

    public IdentityAlreadyVerifiedException() {
        super(new BusinessError(ErrorCodes.IDENTITY_ALREADY_VERIFIED,
                "the identity is verified and can no longer be changed; contact support", "document", Map.of()));
    }
}
