package com.nettoria.command.identity.adapter.crypto;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.nettoria.command.identity.TotpAuthenticator;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import dev.samstevens.totp.util.Utils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * RFC 6238 with {@code dev.samstevens.totp}: 160-bit secrets, SHA-1, 6 digits, 30-second steps, as every
 * authenticator app reads them. Verification computes the code of each step itself (the library's verifier does
 * not say which step matched) so that the caller can store it and refuse the same code, or an older one, later.
 */
public final class TotpAdapter implements TotpAuthenticator {

    static final String ISSUER = "Nettoria";
    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;
    /** 32 base32 characters = 160 bits, the HMAC-SHA1 block RFC 4226 recommends. */
    static final int SECRET_CHARACTERS = 32;
    /** Steps accepted on either side of the current one, for clocks that drift. */
    static final int ALLOWED_DRIFT_STEPS = 1;
    static final int QR_SIZE_PIXELS = 350;

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{" + DIGITS + "}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final SecretGenerator secrets = new DefaultSecretGenerator(SECRET_CHARACTERS);
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    @Override
    public String newSecret() {
        return secrets.generate();
    }

    @Override
    public String otpauthUri(String secret, String accountName) {
        return new QrData.Builder()
                .label(ISSUER + ":" + accountName)
                .secret(secret)
                .issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS)
                .period(PERIOD_SECONDS)
                .build()
                .getUri();
    }

    /**
     * The PNG that the library's {@code ZxingPngQrGenerator} draws (ZXing's QR writer, 350 px), from the URI
     * itself: that generator only accepts its own {@code QrData}, which cannot be rebuilt from a URI.
     */
    @Override
    public String qrImageDataUri(String otpauthUri) {
        if (otpauthUri == null || !otpauthUri.startsWith("otpauth://totp/")) {
            throw new IllegalArgumentException("not an otpauth://totp/ URI");
        }
        try {
            var matrix = new QRCodeWriter().encode(otpauthUri, BarcodeFormat.QR_CODE, QR_SIZE_PIXELS, QR_SIZE_PIXELS);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return Utils.getDataUriForImage(png.toByteArray(), "image/png");
        } catch (WriterException e) {
            throw new IllegalArgumentException("the URI does not fit in a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OptionalLong verify(String secret, String code, Instant now, long lastUsedTimeStep) {
        if (secret == null || code == null) {
            return OptionalLong.empty();
        }
        String entered = SPACES.matcher(code).replaceAll("");
        if (!SIX_DIGITS.matcher(entered).matches()) {
            return OptionalLong.empty();
        }
        byte[] enteredBytes = entered.getBytes(StandardCharsets.US_ASCII);
        long current = timeStep(now);
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
            boolean same = MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), enteredBytes);
            if (same && step > lastUsedTimeStep) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    /** The RFC 6238 time step of {@code instant}: whole 30-second periods since the Unix epoch. */
    static long timeStep(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), PERIOD_SECONDS);
    }

    private String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a TOTP code", e);
        }
    }
}
