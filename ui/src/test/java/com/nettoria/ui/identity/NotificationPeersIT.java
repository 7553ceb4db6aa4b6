package com.nettoria.ui.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.nettoria.ui.support.IdentityApiClient;
import com.nettoria.ui.support.IdentityApiClient.Session;
import com.nettoria.ui.support.TestAccounts;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.nettoria.ui.support.IdentityApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The codes of the identity flows reach people through the real protocol peers: a real SMTP server (GreenMail on
 * a free port) receives the emails, and a real HTTP server (WireMock on a free port) plays SMS.ir's verify API
 * ({@code POST /v1/send/verify} with {@code x-api-key}). The application is configured the production way
 * ({@code nettoria.notifications.sms.provider=smsir}, {@code mail.provider=smtp}, {@code spring.mail.*}), so
 * nothing goes to the development outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nettoria.notifications.sms.provider=smsir",
        "nettoria.notifications.sms.smsir.api-key=" + NotificationPeersIT.API_KEY,
        "nettoria.notifications.sms.smsir.templates.verify-mobile=100002",
        "nettoria.notifications.sms.smsir.templates.login-code=100003",
        "nettoria.notifications.sms.smsir.templates.password-reset-code=100004",
        "nettoria.notifications.sms.smsir.parameter-names.login-code.code=Code",
        "nettoria.notifications.mail.provider=smtp",
        "nettoria.notifications.mail.from=no-reply@nettoria.example",
        "nettoria.notifications.mail.from-name=Nettoria Test",
        "nettoria.notifications.public-base-url=https://portal.nettoria.example",
        "spring.mail.host=127.0.0.1"})
class NotificationPeersIT {

    static final String API_KEY = "smsir-test-key-7f3a";

    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WireMockServer SMS_IR = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        SMTP.start();
        SMS_IR.start();
        SMS_IR.stubFor(post(urlEqualTo("/v1/send/verify"))
                .willReturn(okJson("{\"status\":1,\"message\":\"ok\",\"data\":{\"messageId\":1,\"cost\":1}}")));
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("nettoria.notifications.sms.smsir.base-url", SMS_IR::baseUrl);
    }

    @AfterAll
    static void stopPeers() {
        SMS_IR.stop();
        SMTP.stop();
    }

    @LocalServerPort
    int port;

    IdentityApiClient api;
    NewAccount sara;

    @BeforeEach
    void setUp() {
        api = new IdentityApiClient(port);
        sara = TestAccounts.newAccount();
    }

    // ---- the SMTP server's side -------------------------------------------------------------------------------

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private MimeMessage awaitMail(String address, String subject) {
        return await("a mail «" + subject + "» to " + address).atMost(DELIVERY).pollInterval(Duration.ofMillis(50))
                .until(() -> mailsTo(address).stream().filter(mail -> subjectOf(mail).equals(subject)).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return String.valueOf(mail.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    /** The MIME types in the message, each with its text for the text parts (the first of each type). */
    private static Map<String, String> parts(Part message) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        List<Part> pending = new ArrayList<>(List.of(message));
        while (!pending.isEmpty()) {
            Part part = pending.remove(0);
            String type = part.getContentType().split(";")[0].strip().toLowerCase();
            if (part.isMimeType("multipart/*")) {
                found.putIfAbsent(type, "");
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    pending.add(multipart.getBodyPart(i));
                }
            } else {
                found.putIfAbsent(type, String.valueOf(part.getContent()));
            }
        }
        return found;
    }

    // ---- SMS.ir's side ----------------------------------------------------------------------------------------

    private List<JsonNode> smsTo(String localMobile, long templateId) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : SMS_IR.findAll(postRequestedFor(urlEqualTo("/v1/send/verify"))
                .withRequestBody(matchingJsonPath("$.mobile", equalTo(localMobile))))) {
            JsonNode body = IdentityApiClient.parseJson(request.getBodyAsString());
            if (body.path("templateId").asLong() == templateId) {
                bodies.add(body);
            }
        }
        return bodies;
    }

    private JsonNode awaitSms(String localMobile, long templateId) {
        return await("an SMS of template " + templateId + " to " + localMobile).atMost(DELIVERY)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> smsTo(localMobile, templateId), bodies -> !bodies.isEmpty()).get(0);
    }

    private static String parameter(JsonNode sms, String name) {
        for (JsonNode parameter : sms.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter.path("value").asText();
            }
        }
        throw new AssertionError("no parameter " + name + " in " + sms);
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Test
    void registrationSendsTheEmailCodeThroughSmtpAndTheSmsCodeThroughSmsIrAndBothVerify() throws Exception {
        Session session = api.registered(sara);

        MimeMessage mail = awaitMail(sara.email(), "Confirm your email address for Nettoria");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@nettoria.example");
        assertThat(from.getPersonal()).isEqualTo("Nettoria Test");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        Map<String, String> parts = parts(mail);
        assertThat(parts).containsKeys("multipart/alternative", "text/plain", "text/html");
        String emailCode = IdentityApiClient.codeIn(parts.get("text/plain")).orElseThrow();
        assertThat(parts.get("text/plain")).contains("Hello Sara " + sara.lastName() + ",")
                .contains("https://portal.nettoria.example/api/auth/verify/email/link?userId=" + session.userId()
                        + "&code=" + emailCode);
        assertThat(parts.get("text/html")).contains(emailCode).contains("lang=\"en\"");

        JsonNode sms = awaitSms(sara.mobile(), 100002);
        String smsCode = parameter(sms, "CODE");
        assertThat(smsCode).matches("[0-9]{6}");
        assertThat(parameter(sms, "MINUTES")).isEqualTo("10");
        assertThat(sms.path("parameters")).hasSize(2);
        LoggedRequest request = SMS_IR.findAll(postRequestedFor(urlEqualTo("/v1/send/verify"))
                .withRequestBody(matchingJsonPath("$.mobile", equalTo(sara.mobile())))).get(0);
        assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getHeader("Accept")).contains("application/json");

        assertThat(api.verify(session.accessToken(), "email", emailCode).status()).isEqualTo(200);
        assertThat(api.verify(session.accessToken(), "mobile", smsCode).status()).isEqualTo(200);
        await("both contacts verified").atMost(DELIVERY).pollInterval(Duration.ofMillis(25))
                .until(() -> api.profile(session.accessToken()), profile -> profile.status() == 200
                        && profile.json().path("emailVerified").asBoolean()
                        && profile.json().path("mobileVerified").asBoolean());
        assertThat(api.outbox(sara.email())).as("nothing in the development outbox").isEmpty();
        assertThat(api.outbox(sara.e164Mobile())).isEmpty();
    }

    @Test
    void loginAndResetCodesReachTheVerifiedContactsThroughThePeers() throws Exception {
        Session session = api.registered(sara);
        String emailCode = IdentityApiClient.codeIn(parts(awaitMail(sara.email(),
                "Confirm your email address for Nettoria")).get("text/plain")).orElseThrow();
        String smsCode = parameter(awaitSms(sara.mobile(), 100002), "CODE");
        api.verify(session.accessToken(), "email", emailCode);
        api.verify(session.accessToken(), "mobile", smsCode);

        ApiResponse sent = api.post("/api/auth/login/code/send", null, body("login", sara.mobile(), "channel", "SMS"));

        assertThat(sent.status()).as("%s", sent).isEqualTo(202);
        String loginCode = parameter(awaitSms(sara.mobile(), 100003), "Code");
        assertThat(IdentityApiClient.session(api.post("/api/auth/login/code", null,
                body("login", sara.email(), "code", loginCode))).userId()).isEqualTo(session.userId());

        api.post("/api/auth/password/forgot", null, body("login", sara.email(), "channel", "EMAIL"));

        MimeMessage reset = awaitMail(sara.email(), "Your Nettoria password reset code");
        String resetCode = IdentityApiClient.codeIn(parts(reset).get("text/plain")).orElseThrow();
        String newPassword = TestAccounts.strongPassword();
        ApiResponse done = api.post("/api/auth/password/reset", null,
                body("login", sara.email(), "code", resetCode, "newPassword", newPassword));
        assertThat(done.status()).as("%s", done).isEqualTo(204);
        assertThat(api.loggedIn(sara.mobile(), newPassword).userId()).isEqualTo(session.userId());
    }
}
