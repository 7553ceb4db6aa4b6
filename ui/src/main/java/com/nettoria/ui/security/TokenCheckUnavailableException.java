package com.nettoria.ui.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A token could not be checked at all right now (the session check failed, the external provider cannot be
 * reached): the request is refused with 503, never let through, and the client is not told its token is bad.
 */
public class TokenCheckUnavailableException extends AuthenticationException {

    public TokenCheckUnavailableException(String message) {
        super(message);
    }

    public TokenCheckUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
