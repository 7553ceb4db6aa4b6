package com.nettoria.ui.identity;

import com.nettoria.ui.support.IdentityApiClient;
import com.nettoria.ui.support.TestAccounts;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.nettoria.ui.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force against the login, over real HTTP, in an application of its own whose per-account login limit is
 * three attempts an hour (every test client comes from 127.0.0.1, so the per-address limits stay out of the way,
 * as in every test context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nettoria.security.rate-limits.login-per-account.capacity=3",
        "nettoria.security.rate-limits.login-per-account.refill-period=1h"})
class RateLimitIT {

    @LocalServerPort
    int port;

    IdentityApiClient api;
    NewAccount sara;

    @BeforeEach
    void setUp() {
        api = new IdentityApiClient(port);
        sara = TestAccounts.newAccount();
        api.registered(sara);
    }

    private ApiResponse wrongPassword(String login) {
        return api.login(login, "Not-The-Password-" + TestAccounts.letters(6));
    }

    private static void assertRateLimited(ApiResponse answer) {
        assertProblem(answer, 429, "rate-limit.exceeded", null);
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertThat(retryAfter).isPositive().isLessThanOrEqualTo(3600);
        assertThat(answer.json().path("retryAfter").asLong()).isEqualTo(retryAfter);
    }

    @Test
    void afterThreeWrongPasswordsTheFourthAttemptIsRefusedEvenWithTheRightPassword() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(wrongPassword(sara.email()), 401, "identity.invalid-credentials", null);
        }

        ApiResponse fourth = api.login(sara.email(), sara.password());

        assertRateLimited(fourth);
        assertRateLimited(api.login(sara.email().toUpperCase(), sara.password()));
    }

    @Test
    void anotherAccountIsNotAffected() {
        NewAccount other = TestAccounts.newAccount();
        api.registered(other);
        for (int attempt = 1; attempt <= 3; attempt++) {
            wrongPassword(sara.email());
        }
        assertRateLimited(api.login(sara.email(), sara.password()));

        ApiResponse login = api.login(other.email(), other.password());

        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json().path("accessToken").asText()).isNotBlank();
    }

    @Test
    void theMobileNumberInAnySpellingCountsAsOneLogin() {
        wrongPassword(sara.mobile());
        wrongPassword(sara.e164Mobile());
        wrongPassword("0098" + sara.mobile().substring(1));

        assertRateLimited(api.login(sara.mobile(), sara.password()));
    }

    @Test
    void aSuccessfulLoginStartsTheAccountsCountAgain() {
        wrongPassword(sara.email());
        wrongPassword(sara.email());
        assertThat(api.login(sara.email(), sara.password()).status()).isEqualTo(200);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertProblem(wrongPassword(sara.email()), 401, "identity.invalid-credentials", null);
        }
        assertRateLimited(wrongPassword(sara.email()));
    }

    @Test
    void theEmailAndTheMobileShareOneAccountsCount() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            wrongPassword(sara.email());
        }

        assertRateLimited(wrongPassword(sara.mobile()));
    }
}
