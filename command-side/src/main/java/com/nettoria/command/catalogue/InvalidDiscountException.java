package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;

import java.math.BigDecimal;

/** A period discount below 0 or above 100 percent: refused. */
public class InvalidDiscountException extends BusinessRuleViolation {

    public InvalidDiscountException(BillingPeriod period, BigDecimal percent) {
        super(new BusinessError(ErrorCodes.CATALOGUE_INVALID_DISCOUNT,
                "the " + period + " discount must be between 0 and 100 percent, got " + percent.toPlainString(),
                "discountPercents." + period.name(), null));
    }
}
