package com.nettoria.coreapi.common;

/** An amount or currency that money cannot be made of: the caller's input is wrong, nothing happened. */
public class InvalidMoneyException extends IllegalArgumentException {

    public enum Reason { TOO_MANY_DECIMALS, TOO_LARGE, UNKNOWN_CURRENCY, CURRENCY_MISMATCH }

    private final Reason reason;

    public InvalidMoneyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
