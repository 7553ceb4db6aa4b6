package com.nettoria.command.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One refresh-token family. Only hashes are kept: the current token's, and every earlier one's so that a
 * replayed old token is recognised as theft (and the whole family is revoked).
 */
final class SessionState {

    private String currentHash;
    private final Set<String> previousHashes = new HashSet<>();
    private final Instant expiresAt;
    private Instant lastUsedAt;

    SessionState(String currentHash, Instant expiresAt, Instant openedAt) {
        this.currentHash = currentHash;
        this.expiresAt = expiresAt;
        this.lastUsedAt = openedAt;
    }

    boolean isCurrent(String hash) {
        return currentHash.equals(hash);
    }

    boolean wasUsedBefore(String hash) {
        return previousHashes.contains(hash);
    }

    /** Past its lifetime, or unused for longer than the idle limit. */
    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt) || !now.isBefore(lastUsedAt.plus(IdentityRules.SESSION_IDLE_TIMEOUT));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionState that && currentHash.equals(that.currentHash)
                && previousHashes.equals(that.previousHashes) && expiresAt.equals(that.expiresAt)
                && lastUsedAt.equals(that.lastUsedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currentHash, previousHashes, expiresAt, lastUsedAt);
    }

    void rotate(String newHash, Instant at) {
        previousHashes.add(currentHash);
        currentHash = newHash;
        lastUsedAt = at;
    }
}
