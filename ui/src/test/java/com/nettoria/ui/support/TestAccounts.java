package com.nettoria.ui.support;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Test data for the identity API: people nobody else in the shared test database has (random email, mobile and
 * last name), with a password the password policy accepts, and Iranian national codes built with the check-digit
 * algorithm.
 */
public final class TestAccounts {

    private static final Random RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private TestAccounts() {
    }

    /**
     * One person to register.
     *
     * @param mobile the Iranian local form ({@code 09121234567}); {@link #e164Mobile()} is how the platform keeps it
     */
    public record NewAccount(String firstName, String lastName, String email, String mobile, String password) {

        public String e164Mobile() {
            return "+98" + mobile.substring(1);
        }

        /** The body of {@code POST /api/auth/register}, in English. */
        public Map<String, Object> registration() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("firstName", firstName);
            body.put("lastName", lastName);
            body.put("email", email);
            body.put("mobile", mobile);
            body.put("password", password);
            body.put("language", "en");
            return body;
        }

        public NewAccount withEmail(String newEmail) {
            return new NewAccount(firstName, lastName, newEmail, mobile, password);
        }

        public NewAccount withMobile(String newMobile) {
            return new NewAccount(firstName, lastName, email, newMobile, password);
        }

        public NewAccount withPassword(String newPassword) {
            return new NewAccount(firstName, lastName, email, mobile, newPassword);
        }

        public NewAccount withLastName(String newLastName) {
            return new NewAccount(firstName, newLastName, email, mobile, password);
        }
    }

    /** A new person with a unique email, mobile and last name. */
    public static NewAccount newAccount() {
        return new NewAccount("Sara", "Tester" + letters(10), uniqueEmail(), uniqueMobile(), strongPassword());
    }

    public static String uniqueEmail() {
        return "it-" + HexFormat.of().formatHex(bytes(8)) + "@example.com";
    }

    /** An Iranian mobile number in local form, {@code 0912} and seven random digits. */
    public static String uniqueMobile() {
        return "0912" + digits(7);
    }

    /** Twelve letters and more, no digits, none of the person's names or mailbox: the policy has nothing to refuse. */
    public static String strongPassword() {
        return "Lantern-Orbit-" + letters(8);
    }

    public static String letters(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return letters.toString();
    }

    public static String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    /**
     * A valid Iranian national code: nine random digits and the check digit (s = Σ d[i]·(10−i), r = s mod 11;
     * the check digit is r when r &lt; 2, else 11 − r). Never one digit repeated.
     */
    public static String nationalCode() {
        while (true) {
            String first = digits(9);
            String code = first + checkDigit(first);
            if (code.chars().distinct().count() > 1) {
                return code;
            }
        }
    }

    /** {@code code} with its check digit replaced by a wrong one. */
    public static String withWrongCheckDigit(String code) {
        int right = code.charAt(9) - '0';
        return code.substring(0, 9) + ((right + 1) % 10);
    }

    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        return remainder < 2 ? remainder : 11 - remainder;
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
