package com.nettoria.ui.identity;

import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.ui.web.ApiProblem;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

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
}
