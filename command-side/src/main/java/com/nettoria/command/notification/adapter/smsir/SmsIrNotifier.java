package com.nettoria.command.notification.adapter.smsir;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.Notifier;
import com.nettoria.command.notification.adapter.text.NotificationTexts;
import com.nettoria.command.notification.adapter.text.Recipients;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.identity.InvalidIdentityInputException;
import com.nettoria.coreapi.identity.MobileNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/**
 * Sends SMS through SMS.ir's REST API "verify" send: the text is a template registered (and approved) in SMS.ir's
 * panel, and each message only carries that template's id and its parameter values; the request names no sender
 * line.
 * <p>
 * What this relies on, from SMS.ir's REST API documentation (sms.ir/developer-web-service/rest-api,
 * apidocs.sms.ir, "نسخه جدید SMSPanel") and its official SDK's {@code sendVerifyCode}:
 * <ul>
 *     <li>{@code POST {base-url}/v1/send/verify} with headers {@code x-api-key: <the panel's API key>} (the key
 *     authenticates the request), {@code Accept: application/json} and a JSON body
 *     {@code {"mobile":"09121234567","templateId":123456,"parameters":[{"name":"CODE","value":"123456"}]}}:
 *     the mobile in Iranian local form ({@link MobileNumber#localForm()}), the template id a number, each
 *     parameter named as in the panel template ({@code #CODE#} there is {@code CODE} here);</li>
 *     <li>every answer has the same shape, {@code {"status":1,"message":"موفق","data":{...}}}; {@code status} 1 is
 *     success and anything else a refusal explained by {@code message}; for verify, {@code data} is
 *     {@code {"messageId":...,"cost":...}};</li>
 *     <li>HTTP 200 is success, 400 a logical error, 401 a failed authentication (wrong or missing key), 429 too
 *     many requests, 500 an unexpected fault at SMS.ir.</li>
 * </ul>
 * The SDK writes the path with a trailing slash ({@code /v1/send/verify/}); published clients use both forms and
 * this adapter uses the one without (the path to check first should SMS.ir ever answer 404 or 405).
 * <p>
 * Calls go over HTTP/1.1 with the JDK's {@link HttpClient}, with the connect timeout and the read timeout (how long
 * the answer may take) of {@link SmsIrProperties}; a message is tried once: whether and when to try again is the
 * caller's decision (a code can be asked for again).
 * <p>
 * Anything but status 1 (an HTTP error, an unreachable or slow server, an unreadable answer) is a
 * {@link NotificationFailedException} whose message says which message, to whom (masked) and why. The API key is
 * only ever put in the request header: never in a message, a log line or {@link #toString()}.
 */
public class SmsIrNotifier implements Notifier {

    static final String VERIFY_PATH = "/v1/send/verify";
    private static final int SUCCESS = 1;
    private static final int MAX_PROVIDER_TEXT = 200;
    private static final Logger log = LoggerFactory.getLogger(SmsIrNotifier.class);

    private final SmsIrProperties settings;
    private final NotificationTexts texts;
    private final RestClient client;

    /**
     * @param builder a {@link RestClient} builder (Spring Boot's, for its observations and message converters, or
     *                {@link RestClient#builder()}); it is cloned, and given the base URL, key and timeouts
     */
    public SmsIrNotifier(SmsIrProperties settings, NotificationTexts texts, RestClient.Builder builder) {
        if (settings.apiKey() == null || settings.apiKey().isBlank()) {
            throw new IllegalArgumentException(
                    "SMS.ir needs an API key: set nettoria.notifications.sms.smsir.api-key (NETTORIA_NOTIFICATIONS_SMS_SMSIR_API_KEY)");
        }
        this.settings = settings;
        this.texts = texts;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build());
        requests.setReadTimeout(settings.readTimeout());
        this.client = builder.clone()
                .baseUrl(settings.baseUrl().toString())
                .requestFactory(requests)
                .defaultHeader("x-api-key", settings.apiKey())
                .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    @Override
    public void send(Notification notification) {
        String what = notification.template() + " to " + Recipients.masked(ContactChannel.SMS, notification.recipient());
        VerifyRequest request = request(notification, what);
        Answer answer;
        try {
            answer = client.post().uri(VERIFY_PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .body(Answer.class);
        } catch (RestClientResponseException e) {
            throw new NotificationFailedException("SMS.ir refused " + what + ": HTTP " + e.getStatusCode().value()
                    + providerText(e), e);
        } catch (RestClientException e) {
            if (isInputOutput(e)) {
                throw new NotificationFailedException("SMS.ir at " + settings.baseUrl() + " did not take " + what
                        + " (" + e.getMostSpecificCause() + "; connect timeout " + settings.connectTimeout()
                        + ", read timeout " + settings.readTimeout() + ")", e);
            }
            throw new NotificationFailedException("SMS.ir's answer for " + what + " could not be read", e);
        }
        if (answer == null || answer.status() == null || answer.status() != SUCCESS) {
            throw new NotificationFailedException("SMS.ir did not send " + what + ": status "
                    + (answer == null ? "(no answer)" : answer.status() + quoted(answer.message())), null);
        }
        JsonNode data = answer.data();
        log.debug("SMS.ir accepted {}: message id {}, cost {}", what,
                data == null ? null : data.path("messageId").asText(null),
                data == null ? null : data.path("cost").asText(null));
    }

    private VerifyRequest request(Notification notification, String what) {
        long templateId = settings.templateId(notification.template()).orElseThrow(() -> new NotificationFailedException(
                "no SMS.ir template is configured for " + what + ": set nettoria.notifications.sms.smsir.templates."
                        + NotificationTexts.resourceName(notification.template()), null));
        String mobile;
        try {
            mobile = new MobileNumber(notification.recipient()).localForm();
        } catch (InvalidIdentityInputException e) {
            throw new NotificationFailedException(what + " is not to a mobile number in E.164", e);
        }
        Map<String, String> values = texts.parameters(notification);
        List<Parameter> parameters = notification.template().parameters().stream()
                .map(name -> new Parameter(settings.parameterName(notification.template(), name),
                        texts.displayValue(notification.language(), name, values.get(name))))
                .toList();
        return new VerifyRequest(mobile, templateId, parameters);
    }

    /** Unreachable, refused connection, timed out or cut off, as opposed to an answer that is not SMS.ir's JSON. */
    private static boolean isInputOutput(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !(cause instanceof JacksonException)) {
                return true;
            }
        }
        return false;
    }

    private static String providerText(RestClientResponseException e) {
        String text;
        try {
            Answer answer = e.getResponseBodyAs(Answer.class);
            text = answer == null ? null : answer.message();
        } catch (RuntimeException notJson) {
            text = e.getResponseBodyAsString();
        }
        return quoted(text);
    }

    private static String quoted(String providerText) {
        if (providerText == null || providerText.isBlank()) {
            return "";
        }
        String text = providerText.strip();
        return " «" + (text.length() > MAX_PROVIDER_TEXT ? text.substring(0, MAX_PROVIDER_TEXT) + "…" : text) + "»";
    }

    @Override
    public String toString() {
        return "SmsIrNotifier[" + settings.baseUrl() + "]";
    }

    /** The verify send's body. */
    record VerifyRequest(String mobile, long templateId, List<Parameter> parameters) {
    }

    /** One value for the panel template. */
    record Parameter(String name, String value) {
    }

    /** SMS.ir's answer to every call: status 1 is success. */
    record Answer(Integer status, String message, JsonNode data) {
    }
}
