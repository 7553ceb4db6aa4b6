package com.nettoria.ui.web;

import com.nettoria.coreapi.common.BusinessError;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** Reads the {@link BusinessError} a refused command carries. */
public final class BusinessErrors {

    private BusinessErrors() {
    }

    public static Optional<BusinessError> of(CommandExecutionException exception) {
        return exception.getDetails().filter(BusinessError.class::isInstance).map(BusinessError.class::cast);
    }

    public static boolean hasCode(CommandExecutionException exception, String code) {
        return of(exception).map(error -> code.equals(error.code())).orElse(false);
    }
}
