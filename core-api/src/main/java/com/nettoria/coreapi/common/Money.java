package com.nettoria.coreapi.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency, always at the currency's scale (ISO 4217 minor units): 10 IRR is {@code 10.00},
 * 5 JPY is {@code 5}. Arithmetic never rounds: an amount with more decimals than its currency allows is
 * refused with {@link InvalidMoneyException}, never silently cut.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The most digits before the decimal point an amount may have (a quintillion less one minor unit). */
    public static final int MAX_INTEGER_DIGITS = 18;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = atCurrencyScale(amount, currency);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currencies.parse(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public boolean greaterThanZero() {
        return amount.signum() > 0;
    }

    public boolean lessThanZero() {
        return amount.signum() < 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    public void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.CURRENCY_MISMATCH,
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private static BigDecimal atCurrencyScale(BigDecimal amount, Currency currency) {
        int scale = Currencies.scaleOf(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.TOO_LARGE,
                    "amounts have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (stripped.scale() > scale) {
            throw new InvalidMoneyException(InvalidMoneyException.Reason.TOO_MANY_DECIMALS,
                    currency.getCurrencyCode() + " allows at most " + scale + " decimal places, got "
                            + amount.toPlainString());
        }
        return amount.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
