package com.nettoria.ui.identity;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.ui.security.Roles;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.RequestCausation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends identity commands with the metadata the activity log shows: the client's address and user agent, the
 * request id and, when signed in, the actor and their roles.
 */
@Component
public class IdentityRequests {

    static final String SESSION_CLAIM = "sid";
    private static final int MAX_USER_AGENT = 300;

    private final CommandGateway commands;

    public IdentityRequests(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends {@code command} as the anonymous caller of {@code request} and waits for its result. */
    public <R> R anonymous(Object command, HttpServletRequest request) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData(null, request)));
    }

    /** Sends {@code command} as the signed-in {@code caller} and waits for its result. */
    public <R> R as(Jwt caller, Object command, HttpServletRequest request) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData(caller, request)));
    }

    static MetaData metaData(Jwt caller, HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>(caller == null
                ? RequestCausation.anonymousRequest(request) : RequestCausation.customerRequest(caller, request, null));
        String userAgent = request.getHeader("User-Agent");
        if (userAgent != null) {
            values.put(Causation.USER_AGENT, userAgent.length() > MAX_USER_AGENT
                    ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
        }
        return MetaData.from(values);
    }

    static UserId userOf(Jwt caller) {
        return new UserId(caller.getSubject());
    }

    /** The token's session, or a 401 for tokens issued without one (they cannot manage sessions). */
    static SessionId sessionOf(Jwt caller) {
        String sid = caller.getClaimAsString(SESSION_CLAIM);
        if (sid == null || sid.isBlank()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "identity.no-session", "No session",
                    "this access token belongs to no login session; log in to get one", null, Map.of());
        }
        return new SessionId(sid);
    }

    static String clientKey(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    static List<String> rolesOf(Jwt caller) {
        List<String> roles = caller.getClaimAsStringList(Roles.CLAIM);
        return roles == null ? List.of() : roles;
    }
}
