package com.nettoria.coreapi.identity;

/** The answer to a one-time code: accepted, or why not and how many tries remain for this code. */
public record CodeCheckResult(Outcome outcome, int attemptsLeft) {

    public enum Outcome { ACCEPTED, WRONG_CODE, EXPIRED, NO_CODE, TOO_MANY_ATTEMPTS }

    public static CodeCheckResult accepted() {
        return new CodeCheckResult(Outcome.ACCEPTED, 0);
    }

    public boolean wasAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
