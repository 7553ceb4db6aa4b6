package com.nettoria.ui.order;

import com.nettoria.ui.web.ApiProblem;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OpenSSH public key a customer gives for root ({@code authorized_keys} format: type, base64 key, optional
 * comment). The key itself is decoded and must name the same type as the text before it; RSA keys need at least
 * 2048 bits. Anything else is a 400 naming {@code sshPublicKey}, never a VM that nobody can log in to. Checked alike
 * when a VM is ordered and when it is rebuilt.
 */
public final class SshPublicKeys {

    static final String FIELD = "sshPublicKey";
    private static final int MAX_LENGTH = 16 * 1024;
    private static final int MIN_RSA_BITS = 2048;
    private static final Pattern LINE = Pattern.compile("(\\S+) ([A-Za-z0-9+/]+={0,2})(?: ([\\x20-\\x7E]{1,1024}))?");
    /** Each type and, for ECDSA, the curve its key must name. */
    private static final Map<String, String> TYPES = Map.of(
            "ssh-ed25519", "",
            "ssh-rsa", "",
            "ecdsa-sha2-nistp256", "nistp256",
            "ecdsa-sha2-nistp384", "nistp384",
            "ecdsa-sha2-nistp521", "nistp521",
            "sk-ssh-ed25519@openssh.com", "",
            "sk-ecdsa-sha2-nistp256@openssh.com", "nistp256");

    private SshPublicKeys() {
    }

    /** The key in one normalised line ({@code type base64 [comment]}), or {@code null} when none was given. */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("an SSH public key has at most " + MAX_LENGTH + " characters");
        }
        String line = text.strip().replaceAll("[ \\t]+", " ");
        var matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw invalid("an SSH public key is one line: its type (e.g. ssh-ed25519), the key in base64 and an "
                    + "optional comment");
        }
        String type = matcher.group(1);
        if (!TYPES.containsKey(type)) {
            throw invalid("an SSH key of type " + type + " is not accepted; use ssh-ed25519, ssh-rsa or "
                    + "ecdsa-sha2-nistp256/384/521");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw invalid("the key part of the SSH public key is not valid base64");
        }
        check(type, blob);
        String comment = matcher.group(3);
        return type + " " + matcher.group(2) + (comment == null ? "" : " " + comment.strip());
    }

    private static void check(String type, byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        try {
            String declared = new String(field(buffer), StandardCharsets.US_ASCII);
            if (!declared.equals(type)) {
                throw invalid("the key is a " + declared + " key, not " + type);
            }
            switch (type) {
                case "ssh-rsa" -> {
                    field(buffer); // public exponent
                    int bits = new BigInteger(field(buffer)).bitLength();
                    if (bits < MIN_RSA_BITS) {
                        throw invalid("an RSA key needs at least " + MIN_RSA_BITS + " bits, this one has " + bits);
                    }
                }
                case "ssh-ed25519", "sk-ssh-ed25519@openssh.com" -> {
                    if (field(buffer).length != 32) {
                        throw invalid("an Ed25519 key is 32 bytes");
                    }
                }
                default -> {
                    String curve = new String(field(buffer), StandardCharsets.US_ASCII);
                    if (!curve.equals(TYPES.get(type))) {
                        throw invalid("the key's curve " + curve + " does not match its type " + type);
                    }
                    if (field(buffer).length == 0) {
                        throw invalid("the ECDSA key has no point");
                    }
                }
            }
        } catch (RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw invalid("the key part of the SSH public key is not an OpenSSH " + type + " key");
        }
    }

    /** One length-prefixed field of an SSH key blob (RFC 4251 {@code string} or {@code mpint}). */
    private static byte[] field(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException("truncated");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest(FIELD, detail);
    }
}
