package com.nettoria.coreapi.identity;

/**
 * Sends a one-time login code to the verified email or mobile of the account known by {@code login} (an email
 * address or mobile number). Answers the same whether or not such an account exists.
 */
public record SendLoginCodeCommand(String login, ContactChannel channel) {
}
