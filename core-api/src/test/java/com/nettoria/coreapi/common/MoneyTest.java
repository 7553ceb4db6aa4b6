package com.nettoria.coreapi.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void keepsAmountsAtTheCurrencyScale() {
        assertThat(Money.of(new BigDecimal("10.5"), USD).amount()).isEqualByComparingTo("10.50")
                .hasToString("10.50");
        assertThat(Money.of(new BigDecimal("7"), JPY).amount()).hasToString("7");
    }

    @Test
    void acceptsTrailingZerosBeyondTheScale() {
        assertThat(Money.of(new BigDecimal("1.2300"), USD).amount()).hasToString("1.23");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyAllows() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.001"), USD))
                .isInstanceOf(InvalidMoneyException.class)
                .extracting(e -> ((InvalidMoneyException) e).reason())
                .isEqualTo(InvalidMoneyException.Reason.TOO_MANY_DECIMALS);
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), JPY))
                .isInstanceOf(InvalidMoneyException.class);
    }

    @Test
    void refusesAmountsBeyondEighteenIntegerDigitsWithoutExpandingThem() {
        assertThat(Money.of(new BigDecimal("999999999999999999.99"), USD).amount()).hasToString("999999999999999999.99");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e18"), USD))
                .isInstanceOfSatisfying(InvalidMoneyException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidMoneyException.Reason.TOO_LARGE));
        // would take seconds and gigabytes if it were expanded to its scale first
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"), USD))
                .isInstanceOf(InvalidMoneyException.class);
    }

    @Test
    void refusesUnknownCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(InvalidMoneyException.class)
                .hasMessageContaining("XYZ");
        assertThatThrownBy(() -> Money.of("1", "usd")).isInstanceOf(InvalidMoneyException.class);
        assertThatThrownBy(() -> Currencies.parse(null)).isInstanceOf(InvalidMoneyException.class);
    }

    @Test
    void addsAndSubtractsWithinOneCurrency() {
        Money ten = Money.of("10.00", "USD");
        assertThat(ten.plus(Money.of("0.05", "USD"))).isEqualTo(Money.of("10.05", "USD"));
        assertThat(ten.minus(Money.of("10.01", "USD")).lessThanZero()).isTrue();
        assertThat(ten.isLessThan(Money.of("10.01", "USD"))).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(InvalidMoneyException.class)
                .extracting(e -> ((InvalidMoneyException) e).reason())
                .isEqualTo(InvalidMoneyException.Reason.CURRENCY_MISMATCH);
    }

    @Test
    void equalAmountsOfDifferentWrittenScaleAreEqual() {
        assertThat(Money.of("3", "EUR")).isEqualTo(Money.of("3.00", "EUR"));
    }
}
