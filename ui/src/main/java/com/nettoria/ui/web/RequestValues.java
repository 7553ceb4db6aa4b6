package com.nettoria.ui.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Values people type into paths, parameters and bodies that the framework cannot check for us: enum names in any
 * case (with {@code -} for {@code _}), and identifiers that are UUIDs. A wrong value is a 400 naming the field.
 */
public final class RequestValues {

    private RequestValues() {
    }

    /** {@code value} as a constant of {@code type}, or {@code null} when it is absent or blank. */
    public static <E extends Enum<E>> E optionalEnum(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw ApiProblem.badRequest(field, "must be one of " + names(type) + ", got '" + value + "'");
    }

    /** @throws ApiProblem 400 naming {@code field} when the value is absent, blank or not a constant of {@code type} */
    public static <E extends Enum<E>> E requiredEnum(Class<E> type, String value, String field) {
        E constant = optionalEnum(type, value, field);
        if (constant == null) {
            throw ApiProblem.badRequest(field, field + " is required: one of " + names(type));
        }
        return constant;
    }

    /** {@code value} stripped, or {@code null} when it is absent or blank; a 400 naming {@code field} when too long. */
    public static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw ApiProblem.badRequest(field, field + " has at most " + maxLength + " characters");
        }
        return text;
    }

    /** {@code value} as a UUID in its canonical lower-case form. */
    public static String uuid(String value, String field) {
        try {
            String canonical = UUID.fromString(value).toString();
            if (!canonical.equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(value);
            }
            return canonical;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiProblem.badRequest(field, field + " must be a UUID");
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
