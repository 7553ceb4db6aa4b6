package com.nettoria.coreapi.identity;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The identity a customer declares to complete the profile: an Iranian national code, or for foreign
 * customers a passport number and its issuing country (ISO 3166-1 alpha-2), with the birth date.
 */
public record IdentityDocument(Type type, String number, String country, LocalDate birthDate) {

    public enum Type { IRANIAN_NATIONAL_CODE, PASSPORT }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        if (birthDate == null) {
            throw new InvalidIdentityInputException("birthDate", "a birth date is required");
        }
        if (birthDate.isBefore(LocalDate.of(1900, 1, 1))) {
            throw new InvalidIdentityInputException("birthDate", "a birth date after 1900-01-01 is required");
        }
        if (type == Type.IRANIAN_NATIONAL_CODE) {
            number = new IranianNationalCode(number == null ? "" : number).value();
            country = "IR";
        } else {
            if (number == null || !number.matches("^[A-Z0-9]{5,20}$")) {
                throw new InvalidIdentityInputException("passportNumber", "a passport number has 5 to 20 letters or digits");
            }
            if (country == null || !COUNTRIES.contains(country)) {
                throw new InvalidIdentityInputException("country", "an ISO 3166-1 alpha-2 country code is required");
            }
        }
    }

    public static IdentityDocument iranian(String nationalCode, LocalDate birthDate) {
        return new IdentityDocument(Type.IRANIAN_NATIONAL_CODE, IranianNationalCode.parse(nationalCode).value(), "IR", birthDate);
    }

    public static IdentityDocument passport(String number, String country, LocalDate birthDate) {
        return new IdentityDocument(Type.PASSPORT, number == null ? null : number.strip().toUpperCase(Locale.ROOT),
                country == null ? null : country.strip().toUpperCase(Locale.ROOT), birthDate);
    }

    /** For lists: all but the last four characters hidden. */
    public String maskedNumber() {
        return "*".repeat(Math.max(0, number.length() - 4)) + number.substring(Math.max(0, number.length() - 4));
    }
}
