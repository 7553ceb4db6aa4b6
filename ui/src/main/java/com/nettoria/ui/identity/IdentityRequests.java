package com.nettoria.ui.identity;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.ui.security.Roles;
import com.nettoria.ui.security.TokenIssuer;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.RequestCausation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends identity commands with the metadata the activity log shows: the client's address and user agent, the
 * request id and, when signed in, the actor and their roles.
 */
@Component
public class IdentityRequests {

    static final String SESSION_CLAIM = TokenIssuer.SESSION_ID_CLAIM;
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

    /**
     * The rate-limit key of the caller's address: the address itself for IPv4, its /64 network for IPv6 (one
     * subscriber usually holds a whole /64, so single addresses would give an attacker endless buckets).
     * Behind a reverse proxy, set {@code server.forward-headers-strategy=native} so that this is the client's
     * address and not the proxy's (docs/security.md).
     */
    static String clientKey(HttpServletRequest request) {
        return clientKey(request.getRemoteAddr());
    }

    static String clientKey(String address) {
        if (address == null || !address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format("%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** The key of the strict per-account limits: one account from one address, so no one can lock others out. */
    static String accountFromAddress(String account, HttpServletRequest request) {
        return account + "|" + clientKey(request);
    }

    static List<String> rolesOf(Jwt caller) {
        List<String> roles = caller.getClaimAsStringList(Roles.CLAIM);
        return roles == null ? List.of() : roles;
    }
}
