package com.nettoria.command.wallet;

import com.nettoria.coreapi.common.Money;

import java.util.Currency;

/** What a wallet holds. The rule it keeps: it never goes below zero. */
record Balance(Money amount) {

    static Balance empty(Currency currency) {
        return new Balance(Money.zero(currency));
    }

    Currency currency() {
        return amount.currency();
    }

    boolean canDebit(Money debit) {
        return !amount.isLessThan(debit);
    }

    Balance credit(Money credit) {
        return new Balance(amount.plus(credit));
    }

    /** @throws InsufficientFundsException when the balance does not cover the debit */
    Balance debit(Money debit) {
        if (!canDebit(debit)) {
            throw new InsufficientFundsException(amount, debit);
        }
        return new Balance(amount.minus(debit));
    }
}
