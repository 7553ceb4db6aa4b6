package com.nettoria.ui.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real HTTP against the running application (random port) for the wallet API's integration tests. Never
 * throws on an error status: every answer comes back as an {@link ApiResponse} to assert on.
 */
public final class WalletApiClient {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final RestClient http;

    public WalletApiClient(int port) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(client))
                .build();
    }

    /** One HTTP answer: status, headers and the raw body (parsed on demand). */
    public record ApiResponse(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }

        public MediaType contentType() {
            return headers.getContentType();
        }

        public String header(String name) {
            return headers.getFirst(name);
        }

        public boolean isProblem() {
            MediaType type = contentType();
            return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /**
     * Any request; {@code token} and {@code body} may be null. The body is sent as {@code application/json}
     * unless {@code headers} name another Content-Type.
     */
    public ApiResponse send(HttpMethod method, String path, String token, Map<String, String> headers,
                            String body) {
        RestClient.RequestBodySpec request = http.method(method).uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                    if (headers != null) {
                        headers.forEach(h::set);
                    }
                });
        if (body != null) {
            boolean typed = headers != null && headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
            if (!typed) {
                request.contentType(MediaType.APPLICATION_JSON);
            }
            request.body(body);
        }
        return request.exchange((req, res) -> new ApiResponse(res.getStatusCode().value(), res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
    }

    public ApiResponse get(String path, String token) {
        return send(HttpMethod.GET, path, token, Map.of(), null);
    }

    public ApiResponse post(String path, String token, Map<String, String> headers, String jsonBody) {
        return send(HttpMethod.POST, path, token, headers, jsonBody);
    }

    // ---- the wallet API -------------------------------------------------------------------------------------

    public ApiResponse openWallet(String token, String currency) {
        return post("/api/wallet", token, Map.of(), json(Map.of("currency", currency)));
    }

    public ApiResponse wallet(String token, String currency) {
        return get("/api/wallet?currency=" + currency, token);
    }

    public ApiResponse deposit(String token, String idempotencyKey, String amount, String currency,
                               String description) {
        return move("deposit", token, idempotencyKey, movement(amount, currency, description), Map.of());
    }

    public ApiResponse withdraw(String token, String idempotencyKey, String amount, String currency,
                                String description) {
        return move("withdraw", token, idempotencyKey, movement(amount, currency, description), Map.of());
    }

    /** POST /api/wallet/{deposit|withdraw} with a raw body; {@code idempotencyKey} null sends no header. */
    public ApiResponse move(String operation, String token, String idempotencyKey, String jsonBody,
                            Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        if (idempotencyKey != null) {
            headers.put(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return post("/api/wallet/" + operation, token, headers, jsonBody);
    }

    public ApiResponse transactions(String token, String currency, int page, int size) {
        return get("/api/wallet/transactions?currency=" + currency + "&page=" + page + "&size=" + size, token);
    }

    public ApiResponse transaction(String token, String transactionId, String currency) {
        return get("/api/wallet/transactions/" + transactionId + "?currency=" + currency, token);
    }

    /** The wallet's balance as the API reports it; fails unless the wallet answers 200. */
    public BigDecimal balance(String token, String currency) {
        ApiResponse wallet = wallet(token, currency);
        if (wallet.status() != 200) {
            throw new AssertionError("expected the wallet, got " + wallet);
        }
        return wallet.json().get("balance").decimalValue();
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    /** A deposit/withdraw body with the amount as a JSON string (so the exact decimals are sent). */
    public static String movement(String amount, String currency, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("currency", currency);
        if (description != null) {
            body.put("description", description);
        }
        return json(body);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
