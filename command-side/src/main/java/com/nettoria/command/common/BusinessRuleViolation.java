package com.nettoria.command.common;

import com.nettoria.coreapi.common.BusinessError;

/**
 * A command refused by a business rule. {@link BusinessErrorInterceptor} turns it into a
 * {@code CommandExecutionException} carrying the {@link BusinessError}, so callers on any node see the
 * same typed refusal and the web layer can answer with a precise problem.
 */
public abstract class BusinessRuleViolation extends RuntimeException {

    private final transient BusinessError error;

    protected BusinessRuleViolation(BusinessError error) {
        super(error.message());
        this.error = error;
    }

    public BusinessError error() {
        return error;
    }
}
