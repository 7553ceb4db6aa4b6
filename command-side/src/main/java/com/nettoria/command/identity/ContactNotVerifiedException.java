package com.nettoria.command.identity;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.identity.ContactChannel;

import java.util.Map;

/** Login and reset codes go only to a contact the account has proven it owns. */
public class ContactNotVerifiedException extends BusinessRuleViolation {

    public ContactNotVerifiedException(ContactChannel channel) {
        super(new BusinessError(ErrorCodes.CONTACT_NOT_VERIFIED,
                (channel == ContactChannel.EMAIL ? "the email address" : "the mobile number") + " is not verified",
                "channel", Map.of("channel", channel.name())));
    }
}
