package com.nettoria.command.catalogue;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;

import java.util.Currency;
import java.util.Map;

/** A price in another currency than the catalogue's (set once, by its first price): refused. */
public class CatalogueCurrencyMismatchException extends BusinessRuleViolation {

    public CatalogueCurrencyMismatchException(String field, Currency catalogueCurrency, Money price) {
        super(new BusinessError(ErrorCodes.CATALOGUE_CURRENCY_MISMATCH,
                "the catalogue's prices are in " + catalogueCurrency.getCurrencyCode() + ", not "
                        + price.currency().getCurrencyCode(), field,
                Map.of("catalogueCurrency", catalogueCurrency.getCurrencyCode())));
    }
}
