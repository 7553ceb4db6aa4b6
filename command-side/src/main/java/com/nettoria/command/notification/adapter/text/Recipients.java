package com.nettoria.command.notification.adapter.text;

import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.InvalidIdentityInputException;
import com.nettoria.coreapi.identity.MobileNumber;

/** How a recipient appears in logs and error messages: enough to recognise, not enough to contact. */
public final class Recipients {

    private Recipients() {
    }

    /** {@code +98912***4567} for a mobile number, {@code a***@example.com} for an email address. */
    public static String masked(ContactChannel channel, String recipient) {
        if (channel == ContactChannel.SMS) {
            try {
                return new MobileNumber(recipient).masked();
            } catch (InvalidIdentityInputException notE164) {
                return recipient.length() <= 4 ? "***" : "***" + recipient.substring(recipient.length() - 4);
            }
        }
        int at = recipient.lastIndexOf('@');
        return at <= 0 ? "***" : recipient.charAt(0) + "***" + recipient.substring(at);
    }
}
