package com.nettoria.coreapi.identity;

/**
 * Administrators' user search: {@code text} matches names, email and mobile (case-insensitive, may be null);
 * {@code status} and {@code role} filter when not null. Pages start at 0, newest accounts first.
 */
public record FindUsersQuery(String text, AccountStatus status, Role role, int page, int size) {
}
