package com.nettoria.command.identity.adapter.passwords;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nettoria.coreapi.identity.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy with its breach check against a real HTTP server (WireMock) that plays the Pwned Passwords range
 * API: text/plain {@code SUFFIX:COUNT} lines separated by CRLF, padded with count-0 suffixes when asked.
 */
class PwnedPasswordsClientIT {

    /** SHA-1 ABF7AAD6438836DBE526AA231ABDE2D0EEF74D42. */
    private static final String BREACHED = "correct horse battery staple";
    /** SHA-1 93065473F74FC78B9420567DA0978751ED7F5DE7. */
    private static final String UNKNOWN = "Tr0ub4dor&3-unbreakable";

    @RegisterExtension
    static final WireMockExtension HIBP = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger clientLogger = (Logger) LoggerFactory.getLogger(PwnedPasswordsClient.class);

    private PwnedPasswordsClient client;
    private StandardPasswordPolicy policy;

    @BeforeEach
    void setUp() {
        logs.start();
        clientLogger.addAppender(logs);
        client = clientWaiting(Duration.ofSeconds(10));
        policy = new StandardPasswordPolicy(CommonPasswords.bundled(), client);
    }

    @AfterEach
    void tearDown() {
        clientLogger.detachAppender(logs);
    }

    private static PwnedPasswordsClient clientWaiting(Duration readTimeout) {
        return new PwnedPasswordsClient(URI.create(HIBP.baseUrl()), Duration.ofSeconds(5), readTimeout);
    }

    private Optional<String> weakness(String password) {
        return policy.weakness(new Secret(password), List.of("Sara", "sara@example.com"));
    }

    @Test
    void aPasswordListedUnderItsHashPrefixIsWeak() {
        HIBP.stubFor(get("/range/ABF7A").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withBody("0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n"
                        + "AD6438836DBE526AA231ABDE2D0EEF74D42:3645804\r\n"
                        + "FFFF1E6C2D4B1A79D3A1C6D5A0B9B8E7F01:2")));

        assertThat(weakness(BREACHED)).hasValue("has appeared in a data breach");
        assertThat(client.timesSeen(BREACHED)).hasValue(3_645_804);
    }

    @Test
    void onlyTheFirstFiveCharactersOfTheHashLeaveAndPaddingIsAskedFor() {
        HIBP.stubFor(get("/range/ABF7A").willReturn(aResponse().withStatus(200).withBody("")));

        weakness(BREACHED);

        HIBP.verify(1, getRequestedFor(urlEqualTo("/range/ABF7A"))
                .withHeader("Add-Padding", equalTo("true"))
                .withHeader("User-Agent", equalTo(PwnedPasswordsClient.USER_AGENT)));
        assertThat(HIBP.getAllServeEvents()).allSatisfy(event -> {
            assertThat(event.getRequest().getUrl()).doesNotContain("AD6438836DBE");
            assertThat(event.getRequest().getBodyAsString()).isEmpty();
        });
    }

    @Test
    void aPasswordAbsentFromItsRangeIsAccepted() {
        HIBP.stubFor(get("/range/93065").willReturn(aResponse().withStatus(200)
                .withBody("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2")));

        assertThat(weakness(UNKNOWN)).isEmpty();
        assertThat(client.timesSeen(UNKNOWN)).hasValue(0);
    }

    @Test
    void aPaddingLineWithCountZeroDoesNotMakeAPasswordBreached() {
        HIBP.stubFor(get("/range/93065").willReturn(aResponse().withStatus(200)
                .withBody("473F74FC78B9420567DA0978751ED7F5DE7:0\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:2\r\n")));

        assertThat(weakness(UNKNOWN)).isEmpty();
    }

    @Test
    void whenTheServiceFailsThePasswordIsAcceptedAndTheFailureLogged() {
        HIBP.stubFor(get("/range/ABF7A").willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

        assertThat(weakness(BREACHED)).isEmpty();
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("HTTP 503").contains("accepted without the breach check");
        });
    }

    @Test
    void whenTheServiceIsTooSlowThePasswordIsAcceptedAndTheTimeoutLogged() {
        HIBP.stubFor(get("/range/ABF7A").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withBody("AD6438836DBE526AA231ABDE2D0EEF74D42:3645804")));
        StandardPasswordPolicy impatient = new StandardPasswordPolicy(CommonPasswords.bundled(), clientWaiting(Duration.ofSeconds(1)));

        assertThat(impatient.weakness(new Secret(BREACHED), List.of())).isEmpty();
        assertThat(logs.list).singleElement().satisfies(event ->
                assertThat(event.getFormattedMessage()).contains("timed out").contains("accepted without the breach check"));
    }

    @Test
    void whenTheAnswerCannotBeReadThePasswordIsAcceptedAndThatLogged() {
        HIBP.stubFor(get("/range/ABF7A").willReturn(aResponse().withStatus(200)
                .withBody("AD6438836DBE526AA231ABDE2D0EEF74D42:lots")));

        assertThat(weakness(BREACHED)).isEmpty();
        assertThat(logs.list).singleElement().satisfies(event ->
                assertThat(event.getFormattedMessage()).contains("accepted without the breach check"));
    }

    @Test
    void thePasswordsOwnRulesComeFirstSoAWeakOneIsNeverSent() {
        assertThat(weakness("sara's own password")).hasValue("must not contain your name, email address or mobile number");
        assertThat(weakness("1qaz2wsx3edc")).hasValue("is too common");

        assertThat(HIBP.getAllServeEvents()).isEmpty();
    }
}
