package com.nettoria.ui.web;

import com.nettoria.coreapi.common.BusinessError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Optional;

/** Reads the {@link BusinessError} a refused command carries. */
public final class BusinessErrors {

    private BusinessErrors() {
    }

    public static Optional<BusinessError> of(CommandExecutionException exception) {
        return exception.getDetails().filter(BusinessError.class::isInstance).map(BusinessError.class::cast);
    }

    /**
     * The refusal a failed command or query carries somewhere in {@code failure}'s causes (a query's future wraps it
     * in a {@code CompletionException}), if any.
     */
    public static Optional<BusinessError> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HandlerExecutionException handler) {
                Optional<BusinessError> error = handler.getDetails().filter(BusinessError.class::isInstance)
                        .map(BusinessError.class::cast);
                if (error.isPresent()) {
                    return error;
                }
            }
        }
        return Optional.empty();
    }

    public static boolean hasCode(CommandExecutionException exception, String code) {
        return of(exception).map(error -> code.equals(error.code())).orElse(false);
    }
}
