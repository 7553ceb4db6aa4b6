package com.nettoria.command.identity.adapter.directory;

import com.nettoria.command.identity.AccountAlreadyExistsException;
import com.nettoria.command.identity.ContactDirectory;
import com.nettoria.command.identity.IdentityRules;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.InvalidIdentityInputException;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.UserId;
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

    /**
     * One upsert per contact: inserted when free; taken over when its holder never verified it and claimed it
     * longer ago than {@link IdentityRules#UNVERIFIED_CLAIM_TTL}; otherwise nothing changes and the registration
     * is refused (and rolls back with whatever it claimed before).
     */
    @Override
    public void claim(UserId userId, EmailAddress email, MobileNumber mobile) {
        for (Object[] claim : List.of(new Object[]{email.value(), "EMAIL"}, new Object[]{mobile.value(), "MOBILE"})) {
            int claimed = jdbc.update("""
                    insert into identity_contact_claim (contact, kind, user_id) values (?, ?, ?)
                    on conflict (contact) do update
                        set user_id = excluded.user_id, claimed_at = now(), verified = false
                        where identity_contact_claim.verified = false
                          and identity_contact_claim.claimed_at < now() - make_interval(secs => ?)""",
                    claim[0], claim[1], userId.value(), IdentityRules.UNVERIFIED_CLAIM_TTL.toSeconds());
            if (claimed == 0) {
                throw new AccountAlreadyExistsException();
            }
        }
    }

    @Override
    public boolean holds(UserId userId, String contact) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from identity_contact_claim where contact = ? and user_id = ?)",
                Boolean.class, contact, userId.value()));
    }

    @Override
    public void markVerified(UserId userId, String contact) {
        jdbc.update("update identity_contact_claim set verified = true where contact = ? and user_id = ?",
                contact, userId.value());
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
