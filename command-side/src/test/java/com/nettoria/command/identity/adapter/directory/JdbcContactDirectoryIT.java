package com.nettoria.command.identity.adapter.directory;

import com.nettoria.command.identity.AccountAlreadyExistsException;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.UserId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contact claims on real PostgreSQL: one contact, one account, and no squatting of unverified contacts. */
class JdbcContactDirectoryIT {

    private static final EmailAddress EMAIL = EmailAddress.parse("sara@example.com");
    private static final MobileNumber MOBILE = MobileNumber.parse("09121234567");
    private static final UserId SARA = new UserId("5b3e9a7c-1d2f-4e6a-8b9c-0d1e2f3a4b5c");
    private static final UserId SQUATTER = new UserId("c4a0e6b1-2f7d-4e39-8b15-93d2f0a7c6e4");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private final JdbcContactDirectory directory = new JdbcContactDirectory(jdbc);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration/command")
                .load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyDirectory() {
        jdbc.update("delete from identity_contact_claim");
    }

    @Test
    void findsTheAccountByEmailOrMobileInAnySpelling() {
        directory.claim(SARA, EMAIL, MOBILE);

        assertThat(directory.find(" Sara@Example.com ")).contains(SARA);
        assertThat(directory.find("09121234567")).contains(SARA);
        assertThat(directory.find("+989121234567")).contains(SARA);
        assertThat(directory.find("nobody@example.com")).isEmpty();
        assertThat(directory.find("not a login")).isEmpty();
    }

    @Test
    void refusesAContactAnotherAccountClaimedWithinTheLastDay() {
        directory.claim(SQUATTER, EMAIL, MobileNumber.parse("09350000000"));

        assertThatThrownBy(() -> directory.claim(SARA, EMAIL, MOBILE))
                .isInstanceOf(AccountAlreadyExistsException.class);
        assertThat(directory.holds(SQUATTER, EMAIL.value())).isTrue();
    }

    @Test
    void aContactLeftUnverifiedForADayGoesToTheNextRegistration() {
        directory.claim(SQUATTER, EMAIL, MobileNumber.parse("09350000000"));
        jdbc.update("update identity_contact_claim set claimed_at = now() - interval '25 hours'");

        directory.claim(SARA, EMAIL, MOBILE);

        assertThat(directory.holds(SARA, EMAIL.value())).isTrue();
        assertThat(directory.holds(SQUATTER, EMAIL.value())).isFalse();
        assertThat(directory.find(EMAIL.value())).contains(SARA);
        assertThat(directory.holds(SQUATTER, "+989350000000")).as("its other contact stays").isTrue();
    }

    @Test
    void aVerifiedContactIsNeverTakenOver() {
        directory.claim(SARA, EMAIL, MOBILE);
        directory.markVerified(SARA, EMAIL.value());
        jdbc.update("update identity_contact_claim set claimed_at = now() - interval '30 days'");

        assertThatThrownBy(() -> directory.claim(SQUATTER, EMAIL, MobileNumber.parse("09350000000")))
                .isInstanceOf(AccountAlreadyExistsException.class);
        assertThat(directory.holds(SARA, EMAIL.value())).isTrue();
    }

    @Test
    void onlyTheHolderCanMarkAContactVerified() {
        directory.claim(SARA, EMAIL, MOBILE);

        directory.markVerified(SQUATTER, EMAIL.value());

        assertThat(jdbc.queryForObject("select verified from identity_contact_claim where contact = ?",
                Boolean.class, EMAIL.value())).isFalse();
    }
}
