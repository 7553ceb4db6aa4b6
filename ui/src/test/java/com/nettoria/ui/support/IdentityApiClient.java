package com.nettoria.ui.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.springframework.http.HttpMethod;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.nettoria.ui.support.WalletApiClient.json;
import static org.awaitility.Awaitility.await;

/**
 * Real HTTP against the running application for the identity API's integration tests ({@code /api/auth/**},
 * {@code /api/profile/**}, {@code /api/admin/users/**}), on top of {@link WalletApiClient}'s client: it never throws
 * on an error status. One-time codes are read from the development outbox ({@code GET /api/dev/outbox}), which
 * the test configuration keeps on.
 */
public final class IdentityApiClient {

    public static final String USER_AGENT = "User-Agent";
    /** The user agent of every request that names none. */
    public static final String DEFAULT_USER_AGENT = "NettoriaIT/1.0 (identity tests)";

    /** A code in a message: six digits that are not part of a longer word, number or id. */
    private static final Pattern CODE = Pattern.compile("(?<![0-9A-Za-z-])([0-9]{6})(?![0-9A-Za-z-])");
    private static final Duration CODE_WAIT = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WalletApiClient http;

    public IdentityApiClient(int port) {
        this.http = new WalletApiClient(port);
    }

    /** A signed-in session as a client holds it. */
    public record Session(String userId, String accessToken, String refreshToken) {

        /** The access token's {@code sid} claim (read, not verified). */
        public String sessionId() {
            return claims(accessToken).path("sid").asText(null);
        }
    }

    /** The claims of a JWT, decoded without checking anything. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return parseJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    public static JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    // ---- plain requests ---------------------------------------------------------------------------------------

    public ApiResponse send(HttpMethod method, String path, String token, Object body, String userAgent) {
        Map<String, String> headers = new HashMap<>();
        headers.put(USER_AGENT, userAgent == null ? DEFAULT_USER_AGENT : userAgent);
        return http.send(method, path, token, headers, body == null ? null : body instanceof String raw ? raw : json(body));
    }

    public ApiResponse get(String path, String token) {
        return send(HttpMethod.GET, path, token, null, null);
    }

    public ApiResponse post(String path, String token, Object body) {
        return send(HttpMethod.POST, path, token, body, null);
    }

    public ApiResponse put(String path, String token, Object body) {
        return send(HttpMethod.PUT, path, token, body, null);
    }

    public ApiResponse delete(String path, String token) {
        return send(HttpMethod.DELETE, path, token, null, null);
    }

    // ---- registration and login -------------------------------------------------------------------------------

    public ApiResponse register(Map<String, ?> body) {
        return post("/api/auth/register", null, body);
    }

    /** Registers {@code account} and answers its signed-in session; fails unless the answer is 201. */
    public Session registered(NewAccount account) {
        ApiResponse answer = register(account.registration());
        if (answer.status() != 201) {
            throw new AssertionError("expected 201 for the registration, got " + answer);
        }
        JsonNode tokens = answer.json().path("tokens");
        return new Session(answer.json().path("userId").asText(), tokens.path("accessToken").asText(),
                tokens.path("refreshToken").asText());
    }

    public ApiResponse login(String login, String password) {
        return login(login, password, null);
    }

    public ApiResponse login(String login, String password, String userAgent) {
        return send(HttpMethod.POST, "/api/auth/login", null, Map.of("login", login, "password", password), userAgent);
    }

    /** Logs in and answers the session; fails unless the answer is 200 with tokens. */
    public Session loggedIn(String login, String password, String userAgent) {
        return session(login(login, password, userAgent));
    }

    public Session loggedIn(String login, String password) {
        return loggedIn(login, password, null);
    }

    /** The session of a 200 answer with tokens (a login, a second factor, a code login, a refresh). */
    public static Session session(ApiResponse answer) {
        if (answer.status() != 200 || !answer.json().hasNonNull("accessToken")) {
            throw new AssertionError("expected 200 with tokens, got " + answer);
        }
        JsonNode body = answer.json();
        return new Session(body.path("userId").asText(), body.path("accessToken").asText(),
                body.path("refreshToken").asText());
    }

    public ApiResponse refresh(String refreshToken) {
        return post("/api/auth/token/refresh", null, Map.of("refreshToken", refreshToken));
    }

    public ApiResponse logout(String token) {
        return post("/api/auth/logout", token, null);
    }

    public ApiResponse profile(String token) {
        return get("/api/profile", token);
    }

    public ApiResponse verify(String token, String channel, String code) {
        return post("/api/auth/verify/" + channel, token, Map.of("code", code));
    }

    /** Verifies the email and the mobile of a fresh registration with the codes it was sent. */
    public void verifyContacts(Session session, NewAccount account) {
        for (String channel : List.of("email", "mobile")) {
            String code = channel.equals("email") ? awaitCode(account.email(), "VERIFY_EMAIL")
                    : awaitCode(account.e164Mobile(), "VERIFY_MOBILE");
            ApiResponse verified = verify(session.accessToken(), channel, code);
            if (verified.status() != 200) {
                throw new AssertionError("expected the " + channel + " to be verified, got " + verified);
            }
        }
    }

    // ---- the development outbox -------------------------------------------------------------------------------

    /**
     * What the outbox kept for {@code recipient} (an email address or an E.164 mobile), newest first. The path is a
     * URI template that the client encodes itself, and a {@code +} in a query is a space to the server: a mobile
     * number is therefore looked for in the whole outbox rather than passed as {@code ?recipient=}.
     */
    public List<JsonNode> outbox(String recipient) {
        ApiResponse answer = get(recipient.contains("+") ? "/api/dev/outbox" : "/api/dev/outbox?recipient=" + recipient,
                null);
        List<JsonNode> messages = new ArrayList<>();
        if (answer.status() == 200) {
            answer.json().forEach(message -> {
                if (message.path("recipient").asText().equalsIgnoreCase(recipient)) {
                    messages.add(message);
                }
            });
        }
        return messages;
    }

    /** The messages of one template ({@code VERIFY_EMAIL}, {@code LOGIN_CODE}, ...) to {@code recipient}, newest first. */
    public List<JsonNode> messages(String recipient, String template) {
        return outbox(recipient).stream().filter(message -> template.equals(message.path("template").asText()))
                .toList();
    }

    /** The code of the newest message of {@code template} to {@code recipient}, waiting a little for it to arrive. */
    public String awaitCode(String recipient, String template) {
        return awaitCode(recipient, template, 1);
    }

    /** The code of the newest message of {@code template} once {@code recipient} has at least {@code count} of them. */
    public String awaitCode(String recipient, String template, int count) {
        return await("message " + count + " of " + template + " to " + recipient).atMost(CODE_WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<JsonNode> messages = messages(recipient, template);
                    return messages.size() >= count ? codeIn(messages.get(0).path("text").asText()) : Optional.<String>empty();
                }, Optional::isPresent)
                .orElseThrow();
    }

    /** The first six-digit code in a message's text. */
    public static Optional<String> codeIn(String text) {
        Matcher matcher = CODE.matcher(text == null ? "" : text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Every six-digit token in {@code text} (to show that none of them is a code that was sent). */
    public static List<String> sixDigitTokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = CODE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group(1));
        }
        return tokens;
    }

    /** Every code sent to {@code recipients} that the outbox still holds. */
    public List<String> codesSentTo(String... recipients) {
        List<String> codes = new ArrayList<>();
        for (String recipient : recipients) {
            outbox(recipient).forEach(message -> codeIn(message.path("text").asText()).ifPresent(codes::add));
        }
        return codes;
    }

    // ---- bodies -----------------------------------------------------------------------------------------------

    /** A map of alternating keys and values, in order, nulls allowed (unlike {@link Map#of}). */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
