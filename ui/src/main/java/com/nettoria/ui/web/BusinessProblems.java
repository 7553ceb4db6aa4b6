package com.nettoria.ui.web;

import com.nettoria.coreapi.common.ErrorCodes;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** How each business error code of the command side is answered over HTTP. */
final class BusinessProblems {

    record Mapping(HttpStatus status, String title) {
    }

    private static final Map<String, Mapping> MAPPINGS = Map.of(
            ErrorCodes.NOT_FOUND, new Mapping(HttpStatus.NOT_FOUND, "Not found"),
            ErrorCodes.ALREADY_EXISTS, new Mapping(HttpStatus.CONFLICT, "Already exists"),
            ErrorCodes.CONCURRENT_MODIFICATION, new Mapping(HttpStatus.CONFLICT, "Changed concurrently, try again"),
            ErrorCodes.INVALID_MONEY, new Mapping(HttpStatus.BAD_REQUEST, "Invalid amount"),
            ErrorCodes.WALLET_AMOUNT_NOT_POSITIVE, new Mapping(HttpStatus.BAD_REQUEST, "Invalid amount"),
            ErrorCodes.WALLET_INSUFFICIENT_FUNDS, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Insufficient funds"),
            ErrorCodes.WALLET_CURRENCY_MISMATCH, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong currency"),
            ErrorCodes.IDEMPOTENCY_KEY_REUSED,
            new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused for a different request"));

    private BusinessProblems() {
    }

    /** Unknown codes are the platform's own fault, never the caller's: 500. */
    static Mapping of(String code) {
        return MAPPINGS.getOrDefault(code, new Mapping(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"));
    }
}
