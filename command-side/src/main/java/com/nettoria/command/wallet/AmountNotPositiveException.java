package com.nettoria.command.wallet;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;

/** Zero or a negative amount moved: refused, a movement's direction is its command, never its sign. */
public class AmountNotPositiveException extends BusinessRuleViolation {

    public AmountNotPositiveException(Money amount) {
        super(new BusinessError(ErrorCodes.WALLET_AMOUNT_NOT_POSITIVE,
                "the amount must be greater than zero, got " + amount, "amount", null));
    }
}
