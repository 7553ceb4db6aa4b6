package com.nettoria.coreapi.common;

/** The stable error codes of {@link BusinessError}; the web layer maps each to an HTTP status and title. */
public final class ErrorCodes {

    public static final String NOT_FOUND = "aggregate.not-found";
    public static final String ALREADY_EXISTS = "aggregate.already-exists";
    public static final String CONCURRENT_MODIFICATION = "aggregate.concurrent-modification";
    public static final String INVALID_MONEY = "money.invalid";
    public static final String MISSING_CAUSATION = "causation.missing";

    public static final String WALLET_INSUFFICIENT_FUNDS = "wallet.insufficient-funds";
    public static final String WALLET_CURRENCY_MISMATCH = "wallet.currency-mismatch";
    public static final String WALLET_AMOUNT_NOT_POSITIVE = "wallet.amount-not-positive";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency.key-reused";

    private ErrorCodes() {
    }
}
