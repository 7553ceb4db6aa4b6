package com.nettoria.command.wallet;

import com.nettoria.coreapi.wallet.TransactionId;

import java.util.HashMap;
import java.util.Map;

/**
 * The requests a wallet has already carried out, by transaction id (derived from the idempotency key), with
 * the fingerprint of what each asked for. Rebuilt from the wallet's events, so it survives restarts and
 * holds on every node.
 */
final class HandledRequests {

    private final Map<TransactionId, String> fingerprints = new HashMap<>();

    /**
     * @return true when this exact request was handled before (answer it again, move no money)
     * @throws IdempotencyKeyReusedException when the transaction id was used for a different request
     */
    boolean isRepeat(TransactionId transactionId, String fingerprint) {
        String known = fingerprints.get(transactionId);
        if (known == null) {
            return false;
        }
        if (!known.equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(transactionId);
        }
        return true;
    }

    void record(TransactionId transactionId, String fingerprint) {
        fingerprints.put(transactionId, fingerprint);
    }
}
