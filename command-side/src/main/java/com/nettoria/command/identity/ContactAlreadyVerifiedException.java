package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** A verification code asked for a contact that is verified already. */
public class ContactAlreadyVerifiedException extends BusinessRuleViolation {

    public ContactAlreadyVerifiedException() {
        super(new BusinessError(ErrorCodes.ALREADY_VERIFIED, "this contact is already verified", "channel", Map.of()));
    }
}
