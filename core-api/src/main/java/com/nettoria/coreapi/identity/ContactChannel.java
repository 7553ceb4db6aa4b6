package com.nettoria.coreapi.identity;

/** Where a one-time code goes: the account's email address or its mobile phone (SMS). */
public enum ContactChannel {
    EMAIL, SMS
}
