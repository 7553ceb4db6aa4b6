package com.nettoria.command.provisioning.adapter;

import com.nettoria.command.identity.UserAccount;
import com.nettoria.command.provisioning.CustomerContacts;
import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link CustomerContacts} read from the customer's {@link UserAccount} (a customer id is the id of their account),
 * loaded from its events. Called inside a unit of work (the event handler's), as Axon's repositories require.
 */
public class AccountCustomerContacts implements CustomerContacts {

    private final Repository<UserAccount> accounts;

    public AccountCustomerContacts(Repository<UserAccount> accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public Optional<Contact> of(CustomerId customer) {
        UserAccount.Contacts contacts;
        try {
            contacts = accounts.load(customer.value()).invoke(UserAccount::contacts);
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
        return Optional.of(new Contact(contacts.name(), contacts.language(), contacts.email(),
                contacts.verifiedMobile()));
    }
}
