package com.nettoria.coreapi.identity;

/**
 * An email address, mobile number, national code or similar input that cannot be what it claims to be: the
 * caller's input is wrong (the web layer names {@link #field()}), nothing happened.
 */
public class InvalidIdentityInputException extends IllegalArgumentException {

    private final String field;

    public InvalidIdentityInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
