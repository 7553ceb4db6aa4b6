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

    SessionState(String currentHash, Instant expiresAt) {
        this.currentHash = currentHash;
        this.expiresAt = expiresAt;
    }

    boolean isCurrent(String hash) {
        return currentHash.equals(hash);
    }

    boolean wasUsedBefore(String hash) {
        return previousHashes.contains(hash);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionState that && currentHash.equals(that.currentHash)
                && previousHashes.equals(that.previousHashes) && expiresAt.equals(that.expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currentHash, previousHashes, expiresAt);
    }

    void rotate(String newHash) {
        previousHashes.add(currentHash);
        currentHash = newHash;
    }
}
