package com.nettoria.coreapi.identity;

/** How a session was opened. */
public enum LoginMethod {
    PASSWORD, ONE_TIME_CODE, PASSWORD_AND_TOTP, PASSWORD_AND_RECOVERY_CODE
}
