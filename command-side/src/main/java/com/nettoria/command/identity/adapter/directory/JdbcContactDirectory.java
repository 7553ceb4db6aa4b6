package com.nettoria.command.identity.adapter.directory;

import com.nettoria.command.identity.AccountAlreadyExistsException;
import com.nettoria.command.identity.ContactDirectory;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.InvalidIdentityInputException;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/**
 * The contact claims in the write side's own table {@code identity_contact_claim} (primary key: the normalized
 * contact). The insert joins the unit of work's transaction, so a registration that loses a race on the
 * unique key rolls back with its events.
 */
public class JdbcContactDirectory implements ContactDirectory {

    private final JdbcTemplate jdbc;

    public JdbcContactDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(UserId userId, EmailAddress email, MobileNumber mobile) {
        try {
            jdbc.batchUpdate("insert into identity_contact_claim (contact, kind, user_id) values (?, ?, ?)",
                    List.of(new Object[]{email.value(), "EMAIL", userId.value()},
                            new Object[]{mobile.value(), "MOBILE", userId.value()}));
        } catch (DuplicateKeyException e) {
            throw new AccountAlreadyExistsException();
        }
    }

    @Override
    public Optional<UserId> find(String login) {
        Optional<String> contact = normalized(login);
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.query("select user_id from identity_contact_claim where contact = ?",
                (rs, row) -> new UserId(rs.getString(1)), contact.get()).stream().findFirst();
    }

    /** An email address or a mobile number in any accepted spelling; anything else is nobody's. */
    static Optional<String> normalized(String login) {
        if (login == null || login.isBlank() || login.length() > 254) {
            return Optional.empty();
        }
        try {
            return Optional.of(login.contains("@") ? EmailAddress.parse(login).value() : MobileNumber.parse(login).value());
        } catch (InvalidIdentityInputException e) {
            return Optional.empty();
        }
    }
}
