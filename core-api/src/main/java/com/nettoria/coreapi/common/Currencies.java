package com.nettoria.coreapi.common;

import java.util.Currency;

/** ISO 4217 currency codes and their scales, with a clear refusal for unknown codes. */
public final class Currencies {

    private Currencies() {
    }

    /** @throws InvalidMoneyException for anything but an upper-case ISO 4217 code known to the JDK */
    public static Currency parse(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.UNKNOWN_CURRENCY,
                    "currency must be an ISO 4217 code such as IRR or USD, got " + code);
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new InvalidMoneyException(InvalidMoneyException.Reason.UNKNOWN_CURRENCY,
                        code + " is not a currency money can be held in");
            }
            return currency;
        } catch (IllegalArgumentException e) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.UNKNOWN_CURRENCY,
                    "unknown currency " + code);
        }
    }

    /** The number of decimal places amounts of this currency carry (its ISO 4217 minor unit). */
    public static int scaleOf(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }
}
