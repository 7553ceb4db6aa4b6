package com.nettoria.command.provisioning;

import com.nettoria.coreapi.common.CustomerId;

import java.util.Optional;

/** The person behind a customer id, as the provisioning notices need them: how to greet them and where to write. */
public interface CustomerContacts {

    /** The customer's contacts, or empty when there is no account with that id. */
    Optional<Contact> of(CustomerId customer);

    /**
     * @param name           the name to greet them by (may be blank)
     * @param language       {@code fa} or {@code en}
     * @param email          their email address
     * @param verifiedMobile their mobile number (E.164) once they have verified it, otherwise null
     */
    record Contact(String name, String language, String email, String verifiedMobile) {
    }
}
