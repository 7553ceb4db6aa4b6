package com.nettoria.ui.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header's rules, and the fingerprint that tells a repeat from a reuse. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    /** @throws ApiProblem (400, field {@code Idempotency-Key}) for a key that is not 1–255 visible ASCII characters */
    public static String require(String key) {
        if (key == null || !VALID.matcher(key).matches()) {
            throw ApiProblem.badRequest(HEADER,
                    "the Idempotency-Key header must be 1 to 255 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    /** A SHA-256 digest of the parts that make a request what it is. */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
