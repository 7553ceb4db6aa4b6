package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.util.Map;

/** The account left this contact unverified and a later registration took it over. */
public class ContactTakenException extends BusinessRuleViolation {

    public ContactTakenException() {
        super(new BusinessError(ErrorCodes.CONTACT_TAKEN,
                "this contact now belongs to another account; contact support to change yours", "channel", Map.of()));
    }
}
