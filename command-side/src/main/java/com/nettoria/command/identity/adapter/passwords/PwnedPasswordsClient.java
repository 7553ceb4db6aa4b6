package com.nettoria.command.identity.adapter.passwords;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Have I Been Pwned's Pwned Passwords range API with k-anonymity: only the first 5 hex characters of the
 * password's SHA-1 leave the process ({@code GET {base-url}/range/{PREFIX}}); the answer lists every known
 * suffix under that prefix as {@code SUFFIX:COUNT} lines, padded ({@code Add-Padding: true}) with random
 * suffixes of count 0 so that its size tells nothing. The password is breached if our suffix is listed with a
 * count above 0.
 * <p>
 * When the service fails (error status, timeout, unreadable answer) the failure is logged and the password
 * counts as not breached: registration must not depend on a third party being up. The bundled common-password
 * list still applies.
 */
public final class PwnedPasswordsClient implements BreachedPasswords {

    private static final Logger log = LoggerFactory.getLogger(PwnedPasswordsClient.class);

    static final String USER_AGENT = "Nettoria-password-policy";
    private static final int PREFIX_LENGTH = 5;

    private final HttpClient http;
    private final String rangeUrl;
    private final Duration readTimeout;

    public PwnedPasswordsClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        String base = baseUrl.toString();
        this.rangeUrl = (base.endsWith("/") ? base : base + "/") + "range/";
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public boolean isBreached(String password) {
        OptionalLong seen = timesSeen(password);
        return seen.isPresent() && seen.getAsLong() > 0;
    }

    /** How often the password was seen in breaches (0: never); empty when the service could not answer. */
    public OptionalLong timesSeen(String password) {
        String sha1 = sha1Hex(password);
        String prefix = sha1.substring(0, PREFIX_LENGTH);
        String suffix = sha1.substring(PREFIX_LENGTH);
        HttpRequest request = HttpRequest.newBuilder(URI.create(rangeUrl + prefix))
                .timeout(readTimeout)
                .header("Add-Padding", "true")
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                log.warn("Pwned Passwords answered HTTP {}; the password was accepted without the breach check",
                        response.statusCode());
                return OptionalLong.empty();
            }
            return OptionalLong.of(countOf(suffix, response.body()));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Pwned Passwords gave no usable answer ({}); the password was accepted without the breach check",
                    e.toString());
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while asking Pwned Passwords; the password was accepted without the breach check");
            return OptionalLong.empty();
        }
    }

    /** The count listed for {@code suffix}, 0 if absent (padding lines have count 0 and so change nothing). */
    private static long countOf(String suffix, String body) {
        for (String line : body.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon == suffix.length() && line.regionMatches(true, 0, suffix, 0, suffix.length())) {
                return Long.parseLong(line.substring(colon + 1).strip());
            }
        }
        return 0;
    }

    private static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
