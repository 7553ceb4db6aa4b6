package com.nettoria.coreapi.identity;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of an account's activity log: what happened ({@code type}, e.g. {@code login.succeeded}), with its
 * details, when, from where and by whom (the actor differs from the user when an administrator acted).
 */
public record ActivityView(long sequence, UserId userId, String type, Map<String, String> details, Instant at,
                           String clientAddress, String userAgent, String actorId) {

    public ActivityView {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
