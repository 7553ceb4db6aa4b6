package com.nettoria.ui.identity;

import com.nettoria.coreapi.identity.FindSessionsQuery;
import com.nettoria.coreapi.identity.RevokeOtherSessionsCommand;
import com.nettoria.coreapi.identity.RevokeSessionCommand;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionPage;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.ui.identity.IdentityApi.RevokedResponse;
import com.nettoria.ui.identity.IdentityApi.SessionResponse;
import com.nettoria.ui.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** My login sessions (one per device): list them, end one, or end all but this one. */
@RestController
@RequestMapping("/api/auth/sessions")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Sessions")
public class SessionController {

    private final IdentityRequests requests;
    private final QueryGateway queries;
    private final SessionReadModel readModel;

    public SessionController(IdentityRequests requests, QueryGateway queries, SessionReadModel readModel) {
        this.requests = requests;
        this.queries = queries;
        this.readModel = readModel;
    }

    @GetMapping
    @Operation(summary = "My active sessions: device (user agent), address, created, last used; 'current' marks this one")
    public List<SessionResponse> sessions(@AuthenticationPrincipal Jwt caller) {
        String current = caller.getClaimAsString(IdentityRequests.SESSION_CLAIM);
        SessionPage page = queries.query(new FindSessionsQuery(IdentityRequests.userOf(caller)), SessionPage.class).join();
        return page.items().stream().map(session -> SessionResponse.of(session, current)).toList();
    }

    @DeleteMapping("/{sessionId}")
    @Operation(summary = "End one of my sessions")
    public ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt caller, @PathVariable String sessionId,
                                       HttpServletRequest request) {
        requests.as(caller, new RevokeSessionCommand(IdentityRequests.userOf(caller), sessionId(sessionId),
                SessionRevocationReason.REVOKED_BY_USER), request);
        readModel.awaitEnded(IdentityRequests.userOf(caller), sessionId(sessionId));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "End all my sessions except the current one")
    public RevokedResponse revokeOthers(@AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        int revoked = requests.as(caller, new RevokeOtherSessionsCommand(IdentityRequests.userOf(caller),
                IdentityRequests.sessionOf(caller), SessionRevocationReason.REVOKED_BY_USER), request);
        readModel.awaitAllEndedBut(IdentityRequests.userOf(caller), IdentityRequests.sessionOf(caller));
        return new RevokedResponse(revoked);
    }

    static SessionId sessionId(String value) {
        try {
            return new SessionId(UUID.fromString(value).toString());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("sessionId", "must be a session id (UUID)");
        }
    }
}
