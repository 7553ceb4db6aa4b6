package com.nettoria.coreapi.identity;

/** Sends a single-use password reset code; answers the same whether or not the account exists. */
public record SendPasswordResetCodeCommand(String login, ContactChannel channel) {
}
