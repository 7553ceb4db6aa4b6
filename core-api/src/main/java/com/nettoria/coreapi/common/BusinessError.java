package com.nettoria.coreapi.common;

import java.util.Map;

/**
 * The details a refused command carries back across the command bus (as {@code CommandExecutionException}
 * details), so that every caller, local or remote, sees the same typed refusal.
 *
 * @param code    a stable, dotted error code, e.g. {@code wallet.insufficient-funds}; see {@link ErrorCodes}
 * @param message a human-readable explanation
 * @param field   the request field at fault, or {@code null}
 * @param context further facts (e.g. the available balance), as strings
 */
public record BusinessError(String code, String message, String field, Map<String, String> context) {

    public BusinessError {
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    public static BusinessError of(String code, String message) {
        return new BusinessError(code, message, null, Map.of());
    }
}
