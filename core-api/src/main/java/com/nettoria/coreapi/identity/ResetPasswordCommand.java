package com.nettoria.coreapi.identity;

/** Sets a new password with a reset code; every session of the account ends. */
public record ResetPasswordCommand(String login, Secret code, Secret newPassword) {
}
