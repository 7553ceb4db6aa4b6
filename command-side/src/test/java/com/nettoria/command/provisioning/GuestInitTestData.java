package com.nettoria.command.provisioning;

import com.nettoria.command.identity.SecretCodes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A {@link GuestInit} for tests whose sealed passwords are visible, {@code sealed(password)}, and a reader for
 * what it sets on a VM.
 */
public final class GuestInitTestData {

    private GuestInitTestData() {
    }

    public static GuestInit guestInit() {
        return new GuestInit(new VisibleSeals());
    }

    /** The decoded {@code guestinfo.*} document (e.g. {@link GuestInit#USERDATA}) of a VM's advanced settings. */
    public static String decoded(Map<String, String> guestInfo, String key) {
        return new String(Base64.getDecoder().decode(guestInfo.get(key)), StandardCharsets.UTF_8);
    }

    /** Seals a secret as {@code sealed(secret)}; the rest of the port is not needed by guest data or rebuilds. */
    public static SecretCodes visibleSeals() {
        return new VisibleSeals();
    }

    /** Seals a secret as {@code sealed(secret)}; the rest of the port is not needed by guest data. */
    static final class VisibleSeals implements SecretCodes {

        @Override
        public String seal(String secret) {
            return "sealed(" + secret + ")";
        }

        @Override
        public String unseal(String sealed) {
            if (!sealed.startsWith("sealed(") || !sealed.endsWith(")")) {
                throw new IllegalStateException("not sealed: " + sealed);
            }
            return sealed.substring("sealed(".length(), sealed.length() - 1);
        }

        @Override
        public String newNumericCode(int digits) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String newToken() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String newRecoveryCode() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String hash(String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean matches(String secret, String expectedHash) {
            throw new UnsupportedOperationException();
        }
    }
}
