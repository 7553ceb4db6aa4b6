package com.nettoria.command.vcenter;

/**
 * A vCenter call that did not succeed. {@link #kind()} tells the caller whether repeating the call can help
 * ({@link Kind#UNAVAILABLE}, {@link Kind#TIMEOUT}) or not (everything else), so sagas retry the first and
 * compensate the second.
 */
public class VCenterException extends RuntimeException {

    /** Why the call failed. */
    public enum Kind {
        /** vCenter could not be reached or answered with a server error: retry later. */
        UNAVAILABLE(true),
        /** The call or the task it started did not finish in time: retry later (the step is idempotent). */
        TIMEOUT(true),
        /** The credentials were refused. Retrying will not help until an operator fixes the configuration. */
        AUTHENTICATION(false),
        /** A template, datacenter, cluster, datastore, network, VM or snapshot does not exist. */
        NOT_FOUND(false),
        /** Not enough free space or resources for what was asked. */
        INSUFFICIENT_CAPACITY(false),
        /** vCenter refused the operation (invalid state, invalid argument, a task that ended in error). */
        REJECTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;

    public VCenterException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VCenterException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
