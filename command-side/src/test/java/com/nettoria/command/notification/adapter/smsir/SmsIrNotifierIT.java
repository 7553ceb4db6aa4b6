package com.nettoria.command.notification.adapter.smsir;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.notification.adapter.text.NotificationTexts;
import com.nettoria.coreapi.identity.ContactChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.nettoria.command.notification.adapter.NotificationTestData.CODE;
import static com.nettoria.command.notification.adapter.NotificationTestData.loginCodeBySms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SMS.ir adapter against a real HTTP server (WireMock) that plays SMS.ir's documented verify API: it answers
 * {@code POST /v1/send/verify} only with the right key, and with SMS.ir's answer model.
 */
class SmsIrNotifierIT {

    private static final String API_KEY = "test-key-7Qx2Lm9Pz4";
    private static final long LOGIN_TEMPLATE = 100001L;
    private static final long TWO_FACTOR_TEMPLATE = 100006L;
    private static final String SENT = """
            {"status":1,"message":"موفق","data":{"messageId":89545112,"cost":1.0}}""";

    @RegisterExtension
    static final WireMockExtension smsIr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final NotificationTexts texts = new NotificationTexts("https://nettoria.example");

    @Test
    void sendsALoginCodeAsSmsIrsVerifyRequestAndTakesStatusOneAsSent() {
        smsIr.stubFor(post("/v1/send/verify").withHeader("x-api-key", equalTo(API_KEY)).willReturn(okJson(SENT)));

        notifier(Duration.ofSeconds(5)).send(loginCodeBySms("fa"));

        smsIr.verify(1, postRequestedFor(urlEqualTo("/v1/send/verify"))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("Accept", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"mobile":"09121234567","templateId":100001,
                         "parameters":[{"name":"CODE","value":"%s"},{"name":"MINUTES","value":"10"}]}""".formatted(CODE))));
    }

    @Test
    void namesParametersAsThePanelTemplateDoesAndSaysValuesInTheRecipientsLanguage() {
        smsIr.stubFor(post("/v1/send/verify").withHeader("x-api-key", equalTo(API_KEY)).willReturn(okJson(SENT)));
        Notification twoFactorOff = new Notification(ContactChannel.SMS, "+989351112233", "Sara", "fa",
                NotificationTemplate.TWO_FACTOR_CHANGED, Map.of("state", "disabled"));

        notifier(Duration.ofSeconds(5)).send(twoFactorOff);

        smsIr.verify(1, postRequestedFor(urlEqualTo("/v1/send/verify")).withRequestBody(equalToJson("""
                {"mobile":"09351112233","templateId":100006,"parameters":[{"name":"Status","value":"غیرفعال"}]}""")));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 429, 500})
    void anHttpErrorIsANotificationFailureThatSaysWhyButNotTheKey(int httpStatus) {
        smsIr.stubFor(post("/v1/send/verify").willReturn(aResponse().withStatus(httpStatus)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":0,\"message\":\"کلید وب سرویس نامعتبر است\",\"data\":null}")));

        assertThatThrownBy(() -> notifier(Duration.ofSeconds(5)).send(loginCodeBySms("fa")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessage("SMS.ir refused LOGIN_CODE to +98912***4567: HTTP " + httpStatus + " «کلید وب سرویس نامعتبر است»")
                .satisfies(failure -> assertThat(failure.toString()).doesNotContain(API_KEY));
    }

    @Test
    void aStatusOtherThanOneIsANotificationFailure() {
        smsIr.stubFor(post("/v1/send/verify").willReturn(okJson("""
                {"status":0,"message":"قالب یافت نشد","data":null}""")));

        assertThatThrownBy(() -> notifier(Duration.ofSeconds(5)).send(loginCodeBySms("en")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessage("SMS.ir did not send LOGIN_CODE to +98912***4567: status 0 «قالب یافت نشد»");
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsANotificationFailure() {
        smsIr.stubFor(post("/v1/send/verify").willReturn(okJson(SENT).withFixedDelay(3_000)));

        assertThatThrownBy(() -> notifier(Duration.ofMillis(200)).send(loginCodeBySms("fa")))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessageStartingWith("SMS.ir at " + smsIr.baseUrl() + " did not take LOGIN_CODE to +98912***4567")
                .hasMessageContaining("read timeout PT0.2S")
                .satisfies(failure -> assertThat(failure.toString()).doesNotContain(API_KEY));
    }

    @Test
    void aMessageWithoutAConfiguredTemplateFailsWithoutCallingSmsIr() {
        Notification reset = new Notification(ContactChannel.SMS, "+989121234567", null, "fa",
                NotificationTemplate.PASSWORD_RESET_CODE, Map.of("code", CODE, "minutes", "10"));

        assertThatThrownBy(() -> notifier(Duration.ofSeconds(5)).send(reset))
                .isInstanceOf(NotificationFailedException.class)
                .hasMessage("no SMS.ir template is configured for PASSWORD_RESET_CODE to +98912***4567: "
                        + "set nettoria.notifications.sms.smsir.templates.password-reset-code");
        smsIr.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void neverShowsTheKeyInItsDescription() {
        assertThat(notifier(Duration.ofSeconds(5)).toString()).doesNotContain(API_KEY);
        assertThat(settings(Duration.ofSeconds(5)).toString()).doesNotContain(API_KEY).contains("apiKey=***");
    }

    private SmsIrNotifier notifier(Duration readTimeout) {
        return new SmsIrNotifier(settings(readTimeout), texts, RestClient.builder());
    }

    private static SmsIrProperties settings(Duration readTimeout) {
        return new SmsIrProperties(URI.create(smsIr.baseUrl()), API_KEY,
                Map.of(NotificationTemplate.LOGIN_CODE, LOGIN_TEMPLATE, NotificationTemplate.TWO_FACTOR_CHANGED, TWO_FACTOR_TEMPLATE),
                Map.of(NotificationTemplate.TWO_FACTOR_CHANGED, Map.of("state", "Status")),
                Duration.ofSeconds(2), readTimeout);
    }
}
