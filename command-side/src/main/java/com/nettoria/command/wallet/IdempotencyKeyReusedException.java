package com.nettoria.command.wallet;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.wallet.TransactionId;

import java.util.Map;

/** An idempotency key sent again with a different request: refused, the first request stands. */
public class IdempotencyKeyReusedException extends BusinessRuleViolation {

    public IdempotencyKeyReusedException(TransactionId transactionId) {
        super(new BusinessError(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                "this idempotency key was already used for a different request", "Idempotency-Key",
                Map.of("transactionId", transactionId.value())));
    }
}
