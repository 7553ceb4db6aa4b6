package com.nettoria.ui.identity;

import com.nettoria.coreapi.identity.ActivityPage;
import com.nettoria.coreapi.identity.FindActivityQuery;
import com.nettoria.coreapi.identity.FindUserQuery;
import com.nettoria.coreapi.identity.IdentityDocument;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.SubmitIdentityDocumentCommand;
import com.nettoria.coreapi.identity.UpdateProfileCommand;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserView;
import com.nettoria.ui.identity.IdentityApi.ActivityResponse;
import com.nettoria.ui.identity.IdentityApi.IdentityRequest;
import com.nettoria.ui.identity.IdentityApi.Page;
import com.nettoria.ui.identity.IdentityApi.ProfileRequest;
import com.nettoria.ui.identity.IdentityApi.ProfileResponse;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.ReadModelWaiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

/** My profile: names, language, verification state, identity document (national code or passport), activity log. */
@RestController
@RequestMapping("/api/profile")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Profile")
public class ProfileController {

    private final IdentityRequests requests;
    private final QueryGateway queries;
    private final ReadModelWaiter readModel;

    public ProfileController(IdentityRequests requests, QueryGateway queries, ReadModelWaiter readModel) {
        this.requests = requests;
        this.queries = queries;
        this.readModel = readModel;
    }

    @GetMapping
    @Operation(summary = "My profile, with what is still missing before I can order ('missingForOrdering')")
    public ProfileResponse profile(@AuthenticationPrincipal Jwt caller) {
        UserId userId = IdentityRequests.userOf(caller);
        return ProfileResponse.of(readModel.await(() -> find(queries, userId)).orElseThrow(() -> notFound(userId)));
    }

    @PatchMapping
    @Operation(summary = "Change my names and preferred language (fa or en)")
    public ProfileResponse update(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody ProfileRequest body,
                                  HttpServletRequest request) {
        UserId userId = IdentityRequests.userOf(caller);
        requests.as(caller, new UpdateProfileCommand(userId, body.firstName().strip(), body.lastName().strip(),
                body.language()), request);
        return answerWhen(userId, user -> user.firstName().equals(body.firstName().strip())
                && user.lastName().equals(body.lastName().strip())
                && (body.language() == null || body.language().equals(user.language())));
    }

    @PutMapping("/identity")
    @Operation(summary = "Complete my profile with my identity: an Iranian national code, or a passport and its country",
            description = "The national code's check digit is verified. A verified identity can no longer be changed.")
    public ProfileResponse identity(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody IdentityRequest body,
                                    HttpServletRequest request) {
        if (body.birthDate().isAfter(LocalDate.now().minusYears(15))) {
            throw ApiProblem.badRequest("birthDate", "the account holder must be at least 15 years old");
        }
        IdentityDocument document = switch (body.type()) {
            case IRANIAN_NATIONAL_CODE -> IdentityDocument.iranian(body.nationalCode(), body.birthDate());
            case PASSPORT -> IdentityDocument.passport(body.passportNumber(), body.country(), body.birthDate());
        };
        UserId userId = IdentityRequests.userOf(caller);
        requests.as(caller, new SubmitIdentityDocumentCommand(userId, document), request);
        return answerWhen(userId, user -> user.identityStatus() != IdentityStatus.NONE
                && document.maskedNumber().equals(user.identityDocumentNumber()));
    }

    @GetMapping("/activity")
    @Operation(summary = "My activity log: logins, failures, codes sent, security and profile changes, newest first")
    public Page<ActivityResponse> activity(@AuthenticationPrincipal Jwt caller,
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return activityOf(queries, IdentityRequests.userOf(caller), page, size);
    }

    static Page<ActivityResponse> activityOf(QueryGateway queries, UserId userId, int page, int size) {
        ActivityPage activity = queries.query(new FindActivityQuery(userId, page, size), ActivityPage.class).join();
        return new Page<>(activity.items().stream().map(ActivityResponse::of).toList(), activity.total(),
                activity.page(), activity.size());
    }

    private ProfileResponse answerWhen(UserId userId, Predicate<UserView> updated) {
        return ProfileResponse.of(readModel.await(() -> find(queries, userId).filter(updated))
                .or(() -> find(queries, userId)).orElseThrow(() -> notFound(userId)));
    }

    static Optional<UserView> find(QueryGateway queries, UserId userId) {
        try {
            return Optional.ofNullable(queries.query(new FindUserQuery(userId), UserView.class).join());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static ApiProblem notFound(UserId userId) {
        return ApiProblem.notFound("identity.user-not-found", "User not found", "no account " + userId);
    }
}
