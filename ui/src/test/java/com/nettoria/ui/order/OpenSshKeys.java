package com.nettoria.ui.order;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Real public keys in OpenSSH's {@code authorized_keys} format, made with the JDK's key generators. */
final class OpenSshKeys {

    private OpenSshKeys() {
    }

    static String ed25519(String comment) {
        byte[] encoded = generate("Ed25519", null).getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        return line("ssh-ed25519", blob("ssh-ed25519".getBytes(StandardCharsets.US_ASCII), raw), comment);
    }

    static String rsa(int bits, String comment) {
        RSAPublicKey key = (RSAPublicKey) generate("RSA", bits);
        return line("ssh-rsa", blob("ssh-rsa".getBytes(StandardCharsets.US_ASCII),
                key.getPublicExponent().toByteArray(), key.getModulus().toByteArray()), comment);
    }

    static String ecdsaP256(String comment) {
        ECPublicKey key = (ECPublicKey) generate("EC", "secp256r1");
        byte[] point = new byte[65];
        point[0] = 4;
        copyUnsigned(key.getW().getAffineX(), point, 1);
        copyUnsigned(key.getW().getAffineY(), point, 33);
        return line("ecdsa-sha2-nistp256", blob("ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII),
                "nistp256".getBytes(StandardCharsets.US_ASCII), point), comment);
    }

    /** {@code type} followed by the base64 of {@code blob}: to make keys whose text and key disagree. */
    static String line(String type, byte[] blob, String comment) {
        return type + " " + Base64.getEncoder().encodeToString(blob) + (comment == null ? "" : " " + comment);
    }

    static byte[] blob(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(field.length).array());
            out.writeBytes(field);
        }
        return out.toByteArray();
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }

    private static java.security.PublicKey generate(String algorithm, Object parameter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (parameter instanceof Integer bits) {
                generator.initialize(bits);
            } else if (parameter instanceof String curve) {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
