package com.nettoria.coreapi.identity;

/** What a one-time code proves when it comes back. Each purpose has at most one live code per account. */
public enum CodePurpose {
    VERIFY_EMAIL, VERIFY_MOBILE, LOGIN, PASSWORD_RESET
}
