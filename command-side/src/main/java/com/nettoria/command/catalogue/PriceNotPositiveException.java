package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;

/** A price of zero or less: refused, nothing in the catalogue is free. */
public class PriceNotPositiveException extends BusinessRuleViolation {

    public PriceNotPositiveException(String field, Money price) {
        super(new BusinessError(ErrorCodes.CATALOGUE_PRICE_NOT_POSITIVE,
                field + " must be greater than zero, got " + price, field, null));
    }
}
