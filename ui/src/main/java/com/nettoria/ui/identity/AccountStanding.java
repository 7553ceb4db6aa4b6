package com.nettoria.ui.identity;

import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.FindUserQuery;
import com.nettoria.coreapi.identity.IdentityStatus;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserView;
import com.nettoria.ui.web.ApiProblem;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an account must have done before it may move money or order: both contacts verified (and, for orders,
 * a completed profile). Subjects the platform has no account for (tokens of an external issuer) are not
 * judged here.
 */
@Component
public class AccountStanding {

    private final QueryGateway queries;

    public AccountStanding(QueryGateway queries) {
        this.queries = queries;
    }

    /** @throws ApiProblem 403 {@code identity.verification-required} while the email or mobile is unverified */
    public void requireVerifiedContacts(Jwt caller) {
        AccessView access = queries.query(new CheckAccessQuery(new UserId(caller.getSubject()), null), AccessView.class)
                .join();
        if (access != null && access.known() && !access.contactsVerified()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, ErrorCodes.VERIFICATION_REQUIRED, "Verification required",
                    "verify your email address and mobile number first (POST /api/auth/verify/{email|mobile})", null,
                    Map.of());
        }
    }

    /**
     * A complete profile is what an order needs besides verified contacts: a first and a last name and an identity
     * document (an Iranian national code, or a passport and its country) submitted, verified or not yet.
     *
     * @throws ApiProblem 403 {@code identity.profile-incomplete}, its {@code missing} property listing what is
     *                    missing ({@code first-name}, {@code last-name}, {@code identity-document})
     */
    public void requireCompleteProfile(Jwt caller) {
        UserView user = queries.query(new FindUserQuery(new UserId(caller.getSubject())), UserView.class).join();
        if (user == null) {
            return;
        }
        List<String> missing = missingFromProfile(user);
        if (!missing.isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, ErrorCodes.PROFILE_INCOMPLETE, "Profile incomplete",
                    "complete your profile first: " + String.join(", ", missing)
                            + " (PATCH /api/profile, PUT /api/profile/identity)", null, Map.of("missing", missing));
        }
    }

    static List<String> missingFromProfile(UserView user) {
        List<String> missing = new ArrayList<>();
        if (user.firstName() == null || user.firstName().isBlank()) {
            missing.add("first-name");
        }
        if (user.lastName() == null || user.lastName().isBlank()) {
            missing.add("last-name");
        }
        if (user.identityStatus() == null || user.identityStatus() == IdentityStatus.NONE) {
            missing.add("identity-document");
        }
        return List.copyOf(missing);
    }
}
