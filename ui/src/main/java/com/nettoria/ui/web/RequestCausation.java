package com.nettoria.ui.web;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.ui.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who sends a command from the web layer and why: the metadata every command of a request carries. */
public final class RequestCausation {

    private RequestCausation() {
    }

    /** A request before sign-in (registration, login, recovery): no actor yet, only where it came from. */
    public static MetaData anonymousRequest(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        values.put(Causation.CAUSE_TYPE, Causation.CauseType.CUSTOMER_REQUEST);
        values.put(Causation.CLIENT_ADDRESS, request.getRemoteAddr());
        String requestId = MDC.get(RequestLoggingFilter.MDC_KEY);
        if (requestId != null) {
            values.put(Causation.REQUEST_ID, requestId);
        }
        return MetaData.from(values);
    }

    /**
     * An administrator's change through the API (e.g. the catalogue): the actor and their roles, cause type
     * {@code admin-request}, the request id as the cause id, and where the request came from.
     */
    public static MetaData adminRequest(Jwt caller, HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        values.put(Causation.ACTOR_ID, caller.getSubject());
        List<String> roles = caller.getClaimAsStringList(Roles.CLAIM);
        values.put(Causation.ACTOR_ROLES, roles == null ? "" : String.join(",", roles));
        values.put(Causation.CAUSE_TYPE, Causation.CauseType.ADMIN_REQUEST);
        values.put(Causation.CLIENT_ADDRESS, request.getRemoteAddr());
        String requestId = MDC.get(RequestLoggingFilter.MDC_KEY);
        if (requestId != null) {
            values.put(Causation.REQUEST_ID, requestId);
            values.put(Causation.CAUSE_ID, requestId);
        }
        return MetaData.from(values);
    }

    public static MetaData customerRequest(Jwt caller, HttpServletRequest request, String idempotencyKey) {
        return signedInRequest(Causation.CauseType.CUSTOMER_REQUEST, caller, request, idempotencyKey);
    }

    /** An administrator acting on someone else's resource (e.g. powering a customer's VM). */
    public static MetaData adminRequest(Jwt caller, HttpServletRequest request, String idempotencyKey) {
        return signedInRequest(Causation.CauseType.ADMIN_REQUEST, caller, request, idempotencyKey);
    }

    private static MetaData signedInRequest(String causeType, Jwt caller, HttpServletRequest request,
                                            String idempotencyKey) {
        Map<String, Object> values = new HashMap<>();
        values.put(Causation.ACTOR_ID, caller.getSubject());
        List<String> roles = caller.getClaimAsStringList(Roles.CLAIM);
        values.put(Causation.ACTOR_ROLES, roles == null ? "" : String.join(",", roles));
        values.put(Causation.CAUSE_TYPE, causeType);
        values.put(Causation.CLIENT_ADDRESS, request.getRemoteAddr());
        String requestId = MDC.get(RequestLoggingFilter.MDC_KEY);
        if (requestId != null) {
            values.put(Causation.REQUEST_ID, requestId);
        }
        if (idempotencyKey != null) {
            values.put(Causation.IDEMPOTENCY_KEY, idempotencyKey);
            values.put(Causation.CAUSE_ID, idempotencyKey);
        }
        return MetaData.from(values);
    }
}
