package com.nettoria.coreapi.identity;

/** Why a login attempt on a known account failed (told to the activity log, never to the caller). */
public enum LoginFailureReason {
    WRONG_PASSWORD, WRONG_CODE, WRONG_SECOND_FACTOR, ACCOUNT_SUSPENDED, CHALLENGE_EXPIRED
}
