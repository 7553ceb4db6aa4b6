package com.nettoria.ui.identity;

import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.FindSessionsQuery;
import com.nettoria.coreapi.identity.FindUsersQuery;
import com.nettoria.coreapi.identity.GrantRoleCommand;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.MarkContactsVerifiedCommand;
import com.nettoria.coreapi.identity.ReactivateUserCommand;
import com.nettoria.coreapi.identity.RevokeOtherSessionsCommand;
import com.nettoria.coreapi.identity.RevokeRoleCommand;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.SessionPage;
import com.nettoria.coreapi.identity.SessionRevocationReason;
import com.nettoria.coreapi.identity.SuspendUserCommand;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserPage;
import com.nettoria.coreapi.identity.UserView;
import com.nettoria.coreapi.identity.VerifyIdentityCommand;
import com.nettoria.ui.identity.IdentityApi.ActivityResponse;
import com.nettoria.ui.identity.IdentityApi.Page;
import com.nettoria.ui.identity.IdentityApi.ProfileResponse;
import com.nettoria.ui.identity.IdentityApi.RevokedResponse;
import com.nettoria.ui.identity.IdentityApi.RoleRequest;
import com.nettoria.ui.identity.IdentityApi.SessionResponse;
import com.nettoria.ui.identity.IdentityApi.SuspendRequest;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.ReadModelWaiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Administrators manage accounts: search, suspend and reactivate (a suspension ends every session; when the
 * call returns, the user's tokens are refused), roles, identity verification, sessions and the activity log.
 */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration: users")
public class AdminUserController {

    private final IdentityRequests requests;
    private final QueryGateway queries;
    private final ReadModelWaiter readModel;
    private final SessionReadModel sessions;

    public AdminUserController(IdentityRequests requests, QueryGateway queries, ReadModelWaiter readModel,
                               SessionReadModel sessions) {
        this.sessions = sessions;
        this.requests = requests;
        this.queries = queries;
        this.readModel = readModel;
    }

    @GetMapping
    @Operation(summary = "Search users by name, email or mobile; filter by status and role; newest first")
    public Page<ProfileResponse> search(@RequestParam(required = false) @Size(max = 100) String q,
                                        @RequestParam(required = false) AccountStatus status,
                                        @RequestParam(required = false) Role role,
                                        @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        UserPage users = queries.query(new FindUsersQuery(q == null || q.isBlank() ? null : q.strip(), status, role,
                page, size), UserPage.class).join();
        return new Page<>(users.items().stream().map(ProfileResponse::of).toList(), users.total(), users.page(),
                users.size());
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One user")
    public ProfileResponse user(@PathVariable String userId) {
        UserId id = userId(userId);
        return ProfileResponse.of(ProfileController.find(queries, id).orElseThrow(() -> ProfileController.notFound(id)));
    }

    @PostMapping("/{userId}/suspend")
    @Operation(summary = "Suspend an account: no login, and every token of the user is refused once this returns")
    public ProfileResponse suspend(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                                   @Valid @RequestBody SuspendRequest body, HttpServletRequest request) {
        UserId id = userId(userId);
        if (id.value().equals(caller.getSubject())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "identity.self-suspension", "Not yourself",
                    "administrators cannot suspend their own account", null, Map.of());
        }
        requests.as(caller, new SuspendUserCommand(id, body.reason().strip()), request);
        readModel.await(() -> java.util.Optional.of(access(id)).filter(a -> a.status() == AccountStatus.SUSPENDED));
        return answerWhen(id, user -> user.status() == AccountStatus.SUSPENDED);
    }

    @PostMapping("/{userId}/reactivate")
    @Operation(summary = "Reactivate a suspended account (the user logs in again)")
    public ProfileResponse reactivate(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                                      HttpServletRequest request) {
        UserId id = userId(userId);
        requests.as(caller, new ReactivateUserCommand(id), request);
        return answerWhen(id, user -> user.status() == AccountStatus.ACTIVE);
    }

    @PostMapping("/{userId}/roles")
    @Operation(summary = "Grant a role (takes effect at the user's next login or token refresh)")
    public ProfileResponse grant(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                                 @Valid @RequestBody RoleRequest body, HttpServletRequest request) {
        UserId id = userId(userId);
        requests.as(caller, new GrantRoleCommand(id, body.role()), request);
        return answerWhen(id, user -> user.roles().contains(body.role()));
    }

    @DeleteMapping("/{userId}/roles/{role}")
    @Operation(summary = "Revoke a role (takes effect on the user's next request); an account keeps one role")
    public ProfileResponse revoke(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                                  @PathVariable Role role, HttpServletRequest request) {
        UserId id = userId(userId);
        if (id.value().equals(caller.getSubject()) && role == Role.ADMIN) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "identity.self-demotion", "Not yourself",
                    "administrators cannot take their own ADMIN role; another administrator can", "role", Map.of());
        }
        requests.as(caller, new RevokeRoleCommand(id, role), request);
        return answerWhen(id, user -> !user.roles().contains(role));
    }

    @PostMapping("/{userId}/identity/verify")
    @Operation(summary = "Mark the user's submitted identity document as verified")
    public ProfileResponse verifyIdentity(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                                          HttpServletRequest request) {
        UserId id = userId(userId);
        requests.as(caller, new VerifyIdentityCommand(id), request);
        return answerWhen(id, user -> user.identityStatus() == IdentityStatus.VERIFIED);
    }

    @PostMapping("/{userId}/contacts/verify")
    @Operation(summary = "Vouch for the user's email and mobile (e.g. verified by phone by support)")
    public ProfileResponse verifyContacts(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                                          HttpServletRequest request) {
        UserId id = userId(userId);
        requests.as(caller, new MarkContactsVerifiedCommand(id), request);
        return answerWhen(id, UserView::contactsVerified);
    }

    @GetMapping("/{userId}/sessions")
    @Operation(summary = "The user's active sessions")
    public List<SessionResponse> sessions(@PathVariable String userId) {
        SessionPage page = queries.query(new FindSessionsQuery(userId(userId)), SessionPage.class).join();
        return page.items().stream().map(session -> SessionResponse.of(session, null)).toList();
    }

    @DeleteMapping("/{userId}/sessions")
    @Operation(summary = "End every session of the user")
    public RevokedResponse revokeSessions(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                                          HttpServletRequest request) {
        int revoked = requests.as(caller, new RevokeOtherSessionsCommand(userId(userId), null,
                SessionRevocationReason.REVOKED_BY_ADMIN), request);
        sessions.awaitAllEndedBut(userId(userId), null);
        return new RevokedResponse(revoked);
    }

    @GetMapping("/{userId}/activity")
    @Operation(summary = "The user's activity log, newest first")
    public Page<ActivityResponse> activity(@PathVariable String userId,
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ProfileController.activityOf(queries, userId(userId), page, size);
    }

    private AccessView access(UserId id) {
        try {
            return queries.query(new CheckAccessQuery(id, null), AccessView.class).join();
        } catch (RuntimeException e) {
            return AccessView.unknown();
        }
    }

    private ProfileResponse answerWhen(UserId id, Predicate<UserView> changed) {
        return ProfileResponse.of(readModel.await(() -> ProfileController.find(queries, id).filter(changed))
                .or(() -> ProfileController.find(queries, id)).orElseThrow(() -> ProfileController.notFound(id)));
    }

    static UserId userId(String value) {
        try {
            return new UserId(UUID.fromString(value).toString());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("userId", "must be a user id (UUID)");
        }
    }
}
