package com.nettoria.coreapi.identity;

/** Why a session ended before it expired. */
public enum SessionRevocationReason {
    LOGOUT, REVOKED_BY_USER, REFRESH_TOKEN_REUSED, PASSWORD_CHANGED, PASSWORD_RESET, ACCOUNT_SUSPENDED,
    REVOKED_BY_ADMIN
}
