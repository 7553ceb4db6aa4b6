package com.nettoria.coreapi.identity;

/** A pending TOTP secret to put into an authenticator app, as text, as an otpauth URI and as a QR image. */
public record TwoFactorSetup(String secret, String otpauthUri, String qrImageDataUri) {

    @Override
    public String toString() {
        return "TwoFactorSetup[******]";
    }
}
