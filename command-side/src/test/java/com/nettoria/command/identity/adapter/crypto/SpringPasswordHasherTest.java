package com.nettoria.command.identity.adapter.crypto;

import com.nettoria.coreapi.identity.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpringPasswordHasherTest {

    /** Cheap parameters so the suite stays fast; production uses Argon2Parameters.OWASP_DEFAULT. */
    static final Argon2Parameters TEST_COST = new Argon2Parameters(256, 1, 1);

    private static final Secret PASSWORD = new Secret("correct horse battery staple");

    /**
     * PBKDF2-HMAC-SHA256 of {@link #PASSWORD}, 600,000 iterations, salt 00 01 … 0f, 32 bytes, as hex(salt ‖ hash):
     * computed outside Java (Python's hashlib.pbkdf2_hmac), so the format is checked, not only a round trip.
     */
    private static final String PBKDF2_HASH = "{pbkdf2}000102030405060708090a0b0c0d0e0f"
            + "ef177144eec9420cbc1093d2a8b344a92bc506d0d4ec9c028dd19f8324d8c1e6";

    private final SpringPasswordHasher hasher = new SpringPasswordHasher(TEST_COST);

    @Test
    void hashesWithArgon2idUnderTheArgon2Id() {
        assertThat(hasher.hash(PASSWORD)).startsWith("{argon2}$argon2id$v=19$m=256,t=1,p=1$");
    }

    @Test
    void hashesWithOwaspsParametersByDefault() {
        SpringPasswordHasher production = new SpringPasswordHasher(Argon2Parameters.OWASP_DEFAULT);

        String hash = production.hash(PASSWORD);

        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(production.matches(PASSWORD, hash)).isTrue();
    }

    @Test
    void matchesTheRightPasswordOnly() {
        String hash = hasher.hash(PASSWORD);

        assertThat(hasher.matches(PASSWORD, hash)).isTrue();
        assertThat(hasher.matches(new Secret("correct horse battery stapler"), hash)).isFalse();
        assertThat(hasher.matches(new Secret("Correct horse battery staple"), hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hasher.hash(PASSWORD));
    }

    @Test
    void hashesMadeWithOtherArgon2ParametersStillMatch() {
        String older = new SpringPasswordHasher(new Argon2Parameters(128, 2, 1)).hash(PASSWORD);

        assertThat(hasher.matches(PASSWORD, older)).isTrue();
    }

    @Test
    void matchesPbkdf2HashesWithSixHundredThousandIterationsOfSha256() {
        assertThat(hasher.matches(PASSWORD, PBKDF2_HASH)).isTrue();
        assertThat(hasher.matches(new Secret("correct horse battery stapler"), PBKDF2_HASH)).isFalse();
    }

    @Test
    void aHashWithoutAKnownAlgorithmMatchesNothing() {
        String bare = hasher.hash(PASSWORD).substring("{argon2}".length());

        assertThat(hasher.matches(PASSWORD, bare)).isFalse();
        assertThat(hasher.matches(PASSWORD, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.matches(PASSWORD, "{argon2}not-a-hash")).isFalse();
        assertThat(hasher.matches(PASSWORD, null)).isFalse();
        assertThat(hasher.matches(PASSWORD, "")).isFalse();
    }

    @Test
    void theSamePasswordComposedOrDecomposedGivesTheSameHash() {
        String composed = "caf\u00e9 au lait s'il vous pla\u00eet";
        String decomposed = "cafe\u0301 au lait s'il vous plai\u0302t";

        assertThat(hasher.matches(new Secret(decomposed), hasher.hash(new Secret(composed)))).isTrue();
    }

    @Test
    void theDummyHashIsMadeWithTheCurrentParametersSoItCostsWhatARealCheckCosts() {
        assertThat(hasher.dummyHash()).startsWith("{argon2}$argon2id$v=19$m=256,t=1,p=1$");
        assertThat(new SpringPasswordHasher(Argon2Parameters.OWASP_DEFAULT).dummyHash())
                .startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void checkingAgainstTheDummyHashAnswersNothingAndThrowsNothing() {
        hasher.matchAgainstDummy(PASSWORD);
        hasher.matchAgainstDummy(new Secret(""));
    }
}
