package com.nettoria.command.wallet;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;

import java.util.Map;

/** A withdrawal larger than the balance: refused, the wallet never goes negative. */
public class InsufficientFundsException extends BusinessRuleViolation {

    public InsufficientFundsException(Money balance, Money requested) {
        super(new BusinessError(ErrorCodes.WALLET_INSUFFICIENT_FUNDS,
                "the balance of " + balance + " does not cover " + requested, "amount",
                Map.of("balance", balance.amount().toPlainString(),
                        "requested", requested.amount().toPlainString(),
                        "currency", balance.currency().getCurrencyCode())));
    }
}
