package com.nettoria.command.identity.adapter.passwords;

/** A store of passwords known from data breaches. */
@FunctionalInterface
public interface BreachedPasswords {

    /** No breach check (the default: {@code nettoria.identity.breached-passwords.enabled=false}). */
    BreachedPasswords NONE = password -> false;

    /**
     * Whether {@code password} is known from a breach. {@code false} too when the store cannot be asked: that
     * failure is logged by the implementation, and the password is judged by the local rules alone.
     */
    boolean isBreached(String password);
}
