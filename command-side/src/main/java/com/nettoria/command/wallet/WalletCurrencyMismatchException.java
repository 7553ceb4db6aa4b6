package com.nettoria.command.wallet;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;

import java.util.Currency;
import java.util.Map;

/** Money of another currency than the wallet's: refused, a wallet holds one currency. */
public class WalletCurrencyMismatchException extends BusinessRuleViolation {

    public WalletCurrencyMismatchException(Currency walletCurrency, Money amount) {
        super(new BusinessError(ErrorCodes.WALLET_CURRENCY_MISMATCH,
                "this wallet holds " + walletCurrency.getCurrencyCode() + ", not "
                        + amount.currency().getCurrencyCode(), "currency",
                Map.of("walletCurrency", walletCurrency.getCurrencyCode())));
    }
}
