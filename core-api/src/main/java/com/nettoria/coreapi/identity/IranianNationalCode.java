package com.nettoria.coreapi.identity;

import java.util.Objects;

/**
 * An Iranian national code (کد ملی): ten digits whose last is a check digit. With s = Σ d[i]·(10−i) over the
 * first nine digits and r = s mod 11, the check digit is r when r &lt; 2, else 11 − r. Codes of one repeated
 * digit pass the arithmetic but are never issued.
 */
public record IranianNationalCode(String value) {

    public IranianNationalCode {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new InvalidIdentityInputException("nationalCode", "not a valid Iranian national code");
        }
    }

    public static IranianNationalCode parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidIdentityInputException("nationalCode", "a national code is required");
        }
        return new IranianNationalCode(Digits.toAscii(input.strip()).replace("-", ""));
    }

    public static boolean isValid(String code) {
        if (code == null || !code.matches("^[0-9]{10}$") || code.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (code.charAt(i) - '0') * (10 - i);
        }
        int remainder = sum % 11;
        int check = code.charAt(9) - '0';
        return remainder < 2 ? check == remainder : check == 11 - remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}
