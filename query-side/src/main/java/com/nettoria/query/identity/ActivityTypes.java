package com.nettoria.query.identity;

/** The {@code type} of each activity log entry ({@link com.nettoria.coreapi.identity.ActivityView#type()}). */
public final class ActivityTypes {

    public static final String ACCOUNT_REGISTERED = "account.registered";
    public static final String LOGIN_SUCCEEDED = "login.succeeded";
    public static final String LOGIN_FAILED = "login.failed";
    public static final String SECOND_FACTOR_REQUESTED = "second-factor.requested";
    public static final String CODE_SENT = "code.sent";
    public static final String CODE_REJECTED = "code.rejected";
    public static final String EMAIL_VERIFIED = "email.verified";
    public static final String MOBILE_VERIFIED = "mobile.verified";
    public static final String SESSION_REVOKED = "session.revoked";
    public static final String PASSWORD_CHANGED = "password.changed";
    public static final String PASSWORD_RESET = "password.reset";
    public static final String TWO_FACTOR_SETUP_STARTED = "two-factor.setup-started";
    public static final String TWO_FACTOR_ENABLED = "two-factor.enabled";
    public static final String TWO_FACTOR_DISABLED = "two-factor.disabled";
    public static final String RECOVERY_CODE_USED = "recovery-code.used";
    public static final String PROFILE_UPDATED = "profile.updated";
    public static final String IDENTITY_SUBMITTED = "identity.submitted";
    public static final String IDENTITY_VERIFIED = "identity.verified";
    public static final String ACCOUNT_SUSPENDED = "account.suspended";
    public static final String ACCOUNT_REACTIVATED = "account.reactivated";
    public static final String ROLE_GRANTED = "role.granted";
    public static final String ROLE_REVOKED = "role.revoked";

    private ActivityTypes() {
    }
}
