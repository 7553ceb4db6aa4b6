package com.nettoria.ui.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.ui.support.IdentityApiClient;
import com.nettoria.ui.support.IdentityApiClient.Session;
import com.nettoria.ui.support.IdentityApiTest;
import com.nettoria.ui.support.TestAccounts;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.IdentityApiClient.body;
import static com.nettoria.ui.support.IdentityApiClient.claims;
import static com.nettoria.ui.support.IdentityApiClient.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two-factor authentication over real HTTP: setup (secret, otpauth URI, QR image), enabling with a code from the
 * "app" (computed here from the secret, RFC 6238 with SHA-1 and 30-second steps), login with the second factor by
 * TOTP or by a one-time recovery code, disabling. A TOTP code is accepted once per time step, so each test uses the
 * current step to enable and the next one to log in or disable: both stay within the server's one step of drift
 * even when the clock turns to the next step in between.
 */
@IdentityApiTest
class TwoFactorApiIT {

    private static final CodeGenerator TOTP = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private static final long STEP_SECONDS = 30;

    @LocalServerPort
    int port;

    IdentityApiClient api;
    NewAccount sara;
    Session session;

    @BeforeEach
    void setUp() {
        api = new IdentityApiClient(port);
        sara = TestAccounts.newAccount();
        session = api.registered(sara);
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / STEP_SECONDS;
    }

    private static String totp(String secret, long step) {
        try {
            return TOTP.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Six digits that are the code of no step around now. */
    private static String wrongTotp(String secret) {
        long now = currentStep();
        Set<String> valid = new HashSet<>();
        LongStream.rangeClosed(now - 3, now + 3).forEach(step -> valid.add(totp(secret, step)));
        for (int candidate = 0; ; candidate += 111_111) {
            String code = "%06d".formatted(candidate % 1_000_000);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    private String setUpSecret() {
        ApiResponse setup = api.post("/api/auth/2fa/setup", session.accessToken(), null);
        assertThat(setup.status()).as("%s", setup).isEqualTo(200);
        return setup.json().path("secret").asText();
    }

    /** Enables two-factor authentication with the current step's code; answers the step used and the recovery codes. */
    private Enabled enable() {
        String secret = setUpSecret();
        long step = currentStep();
        ApiResponse verified = api.post("/api/auth/2fa/verify", session.accessToken(),
                body("password", sara.password(), "code", totp(secret, step)));
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        List<String> codes = StreamSupport.stream(verified.json().path("recoveryCodes").spliterator(), false)
                .map(JsonNode::asText).toList();
        return new Enabled(secret, step, codes);
    }

    private record Enabled(String secret, long step, List<String> recoveryCodes) {
    }

    /** The profile (a read model, updated moments after the command) shows two-factor authentication on or off. */
    private void awaitTwoFactorShown(boolean enabled) {
        await("twoFactorEnabled " + enabled).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.profile(session.accessToken()), profile -> profile.status() == 200
                        && profile.json().path("twoFactorEnabled").asBoolean(!enabled) == enabled);
    }

    private String challenge() {
        ApiResponse login = api.login(sara.email(), sara.password());
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json().path("status").asText()).isEqualTo("SECOND_FACTOR_REQUIRED");
        assertThat(login.json().has("accessToken")).as("no token before the second factor").isFalse();
        assertThat(login.json().has("refreshToken")).isFalse();
        return login.json().path("challenge").asText();
    }

    private ApiResponse secondFactor(String challenge, String code) {
        return api.post("/api/auth/login/2fa", null, body("challenge", challenge, "code", code));
    }

    @Test
    void theSetupAnswersTheSecretItsOtpauthUriAndAQrImage() {
        ApiResponse setup = api.post("/api/auth/2fa/setup", session.accessToken(), null);

        assertThat(setup.status()).as("%s", setup).isEqualTo(200);
        String secret = setup.json().path("secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(setup.json().path("otpauthUri").asText())
                .startsWith("otpauth://totp/Nettoria")
                .contains("secret=" + secret).contains("issuer=Nettoria").contains("period=30").contains("digits=6");
        String qr = setup.json().path("qrImage").asText();
        assertThat(qr).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(qr.substring("data:image/png;base64,".length()));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(api.profile(session.accessToken()).json().path("twoFactorEnabled").asBoolean(true))
                .as("nothing changes before a code confirms the setup").isFalse();
        assertThat(api.loggedIn(sara.email(), sara.password()).accessToken()).isNotBlank();
    }

    @Test
    void enablesWithACodeFromTheAppAndAnswersTenRecoveryCodes() {
        String secret = setUpSecret();

        ApiResponse wrongCode = api.post("/api/auth/2fa/verify", session.accessToken(),
                body("password", sara.password(), "code", wrongTotp(secret)));
        ApiResponse wrongPassword = api.post("/api/auth/2fa/verify", session.accessToken(),
                body("password", "Not-The-Password-" + TestAccounts.letters(4), "code", totp(secret, currentStep())));
        ApiResponse noPassword = api.post("/api/auth/2fa/verify", session.accessToken(),
                body("code", totp(secret, currentStep())));

        assertProblem(wrongCode, 422, "identity.invalid-code", "code");
        assertProblem(wrongPassword, 403, "identity.wrong-password", "password");
        assertProblem(noPassword, 400, "request.invalid", "password");

        ApiResponse right = api.post("/api/auth/2fa/verify", session.accessToken(),
                body("password", sara.password(), "code", totp(secret, currentStep())));

        assertThat(right.status()).as("%s", right).isEqualTo(200);
        List<String> codes = StreamSupport.stream(right.json().path("recoveryCodes").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allSatisfy(code -> assertThat(code).isNotBlank());
        awaitTwoFactorShown(true);
        assertProblem(api.post("/api/auth/2fa/setup", session.accessToken(), null), 409, "identity.two-factor-state",
                null);
    }

    @Test
    void aLoginThenAsksForTheSecondFactorAndATotpCodeCompletesItOnce() {
        Enabled enabled = enable();
        String challenge = challenge();
        assertThat(challenge).startsWith("c1." + session.userId() + ".");
        String next = totp(enabled.secret(), enabled.step() + 1);

        assertProblem(secondFactor(challenge, wrongTotp(enabled.secret())), 401, "identity.invalid-credentials", null);
        ApiResponse completed = secondFactor(challenge, next);

        Session signedIn = session(completed);
        assertThat(completed.json().path("status").asText()).isEqualTo("AUTHENTICATED");
        assertThat(signedIn.userId()).isEqualTo(session.userId());
        assertThat(claims(signedIn.accessToken()).path("sid").asText()).isNotBlank();
        assertThat(api.profile(signedIn.accessToken()).status()).isEqualTo(200);
        assertProblem(secondFactor(challenge, next), 401, "identity.invalid-credentials", null);
        assertProblem(secondFactor(challenge(), next), 401, "identity.invalid-credentials", null);
        assertProblem(secondFactor("c1.garbage", next), 401, "identity.invalid-credentials", null);
    }

    @Test
    void aRecoveryCodeCompletesALoginOnlyOnce() {
        Enabled enabled = enable();
        String recoveryCode = enabled.recoveryCodes().get(3);

        Session signedIn = session(secondFactor(challenge(), recoveryCode));

        assertThat(signedIn.userId()).isEqualTo(session.userId());
        assertProblem(secondFactor(challenge(), recoveryCode), 401, "identity.invalid-credentials", null);
        assertThat(session(secondFactor(challenge(), enabled.recoveryCodes().get(4).toUpperCase())).userId())
                .as("another recovery code, typed in capitals").isEqualTo(session.userId());
    }

    @Test
    void aCodeLoginStillAsksForTheSecondFactor() {
        api.verifyContacts(session, sara);
        enable();
        api.post("/api/auth/login/code/send", null, body("login", sara.mobile(), "channel", "SMS"));
        String code = api.awaitCode(sara.e164Mobile(), "LOGIN_CODE");

        ApiResponse login = api.post("/api/auth/login/code", null, body("login", sara.mobile(), "code", code));

        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json().path("status").asText()).isEqualTo("SECOND_FACTOR_REQUIRED");
        assertThat(login.json().has("accessToken")).isFalse();
    }

    @Test
    void disablingNeedsThePasswordAndACode() {
        Enabled enabled = enable();
        String next = totp(enabled.secret(), enabled.step() + 1);

        ApiResponse wrongPassword = api.post("/api/auth/2fa/disable", session.accessToken(),
                body("password", "Not-The-Password-" + TestAccounts.letters(4), "code", next));
        ApiResponse wrongCode = api.post("/api/auth/2fa/disable", session.accessToken(),
                body("password", sara.password(), "code", wrongTotp(enabled.secret())));

        assertProblem(wrongPassword, 403, "identity.wrong-password", "password");
        assertProblem(wrongCode, 422, "identity.invalid-code", "code");
        awaitTwoFactorShown(true);

        ApiResponse disabled = api.post("/api/auth/2fa/disable", session.accessToken(),
                body("password", sara.password(), "code", next));

        assertThat(disabled.status()).as("%s", disabled).isEqualTo(204);
        awaitTwoFactorShown(false);
        ApiResponse login = api.login(sara.email(), sara.password());
        assertThat(login.json().path("status").asText()).isEqualTo("AUTHENTICATED");
        assertThat(session(login).userId()).isEqualTo(session.userId());
    }

    @Test
    void theOwnerIsToldByEmailWhenTwoStepVerificationIsTurnedOnAndOff() {
        Enabled enabled = enable();
        awaitNotices(1);
        api.post("/api/auth/2fa/disable", session.accessToken(),
                body("password", sara.password(), "code", enabled.recoveryCodes().get(0)));

        List<JsonNode> notices = awaitNotices(2);

        assertThat(notices.get(1).path("subject").asText()).contains("turned on");
        assertThat(notices.get(0).path("subject").asText()).contains("turned off");
    }

    /** The TWO_FACTOR_CHANGED emails to the owner, newest first, once there are {@code count}. */
    private List<JsonNode> awaitNotices(int count) {
        return await("%d TWO_FACTOR_CHANGED notices".formatted(count)).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.messages(sara.email(), "TWO_FACTOR_CHANGED"), sent -> sent.size() >= count);
    }

    @Test
    void aRecoveryCodeAlsoDisablesIt() {
        Enabled enabled = enable();

        ApiResponse disabled = api.post("/api/auth/2fa/disable", session.accessToken(),
                body("password", sara.password(), "code", enabled.recoveryCodes().get(0)));

        assertThat(disabled.status()).as("%s", disabled).isEqualTo(204);
        assertThat(api.login(sara.email(), sara.password()).json().path("status").asText()).isEqualTo("AUTHENTICATED");
    }
}
