package com.nettoria.coreapi.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mobile number in E.164 ({@code +989121234567}). Iranian numbers may be typed the local way
 * ({@code 09121234567}, {@code 9121234567}, {@code 00989121234567}, Persian or Arabic digits); all become E.164.
 */
public record MobileNumber(String value) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    private static final Pattern IRANIAN_MOBILE = Pattern.compile("^\\+989[0-9]{9}$");

    public MobileNumber {
        Objects.requireNonNull(value, "value");
        if (!E164.matcher(value).matches()) {
            throw new InvalidIdentityInputException("mobile", "not a mobile number in E.164 or Iranian 09xxxxxxxxx form");
        }
        if (value.startsWith("+98") && !IRANIAN_MOBILE.matcher(value).matches()) {
            throw new InvalidIdentityInputException("mobile", "an Iranian mobile number has 10 digits after +98 and starts with 9");
        }
    }

    public static MobileNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentityInputException("mobile", "a mobile number is required");
        }
        String digits = Digits.toAscii(input.strip()).replaceAll("[\\s\\-().]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.matches("^09[0-9]{9}$")) {
            digits = "+98" + digits.substring(1);
        } else if (digits.matches("^9[0-9]{9}$")) {
            digits = "+98" + digits;
        }
        return new MobileNumber(digits);
    }

    /** The Iranian local form ({@code 09121234567}) that SMS.ir expects, or the E.164 form abroad. */
    public String localForm() {
        return value.startsWith("+98") ? "0" + value.substring(3) : value;
    }

    /** For lists and logs: {@code +98912***4567}. */
    public String masked() {
        return value.substring(0, Math.min(6, value.length() - 4)) + "***" + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
