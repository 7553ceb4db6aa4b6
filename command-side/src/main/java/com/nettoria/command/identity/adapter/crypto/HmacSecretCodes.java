package com.nettoria.command.identity.adapter.crypto;

import com.nettoria.command.identity.SecretCodes;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * One-time codes, tokens and recovery codes from {@link SecureRandom}; their stored form is HMAC-SHA256 under a
 * server key (base64url, 43 characters), so equal secrets give equal hashes for as long as the key stays the same.
 */
public final class HmacSecretCodes implements SecretCodes {

    /** Lower-case letters and digits without the look-alikes 0/o, 1/l/i: 31 symbols, about 4.95 bits each. */
    static final String RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    static final int RECOVERY_GROUPS = 3;
    static final int RECOVERY_GROUP_LENGTH = 4;
    static final int TOKEN_BYTES = 32;
    static final int MAX_DIGITS = 18;

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final String SEALED_PREFIX = "v1.";
    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec sealingKey;
    private final SecureRandom random;

    public HmacSecretCodes(byte[] key) {
        this(key, new SecureRandom());
    }

    HmacSecretCodes(byte[] key, SecureRandom random) {
        if (key.length < HmacKeys.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the HMAC key needs at least " + HmacKeys.MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), HMAC_SHA256);
        this.random = random;
        // a key of its own for encryption, derived from the server key (HMAC as the key derivation function)
        this.sealingKey = new SecretKeySpec(
                Base64.getUrlDecoder().decode(hash("nettoria:seal:aes-256-gcm:v1")), "AES");
    }

    @Override
    public String newNumericCode(int digits) {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("a numeric code has 1 to " + MAX_DIGITS + " digits");
        }
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    @Override
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public String newRecoveryCode() {
        StringBuilder code = new StringBuilder(RECOVERY_GROUPS * (RECOVERY_GROUP_LENGTH + 1));
        for (int group = 0; group < RECOVERY_GROUPS; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < RECOVERY_GROUP_LENGTH; i++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
            }
        }
        return code.toString();
    }

    @Override
    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return BASE64URL.encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public boolean matches(String secret, String expectedHash) {
        if (secret == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String seal(String secret) {
        try {
            byte[] iv = new byte[GCM_IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return SEALED_PREFIX + BASE64URL.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    @Override
    public String unseal(String sealed) {
        if (sealed == null || !sealed.startsWith(SEALED_PREFIX)) {
            throw new IllegalStateException("not a sealed secret of this platform");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed.substring(SEALED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(GCM_TAG_BITS, in, 0, GCM_IV_BYTES));
            return new String(cipher.doFinal(in, GCM_IV_BYTES, in.length - GCM_IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealed secret does not open with this key (key changed?)", e);
        }
    }
}
