package com.nettoria.ui.identity;

import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.FindSessionsQuery;
import com.nettoria.coreapi.identity.FindUserByLoginQuery;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.SessionPage;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserView;
import com.nettoria.ui.web.ReadModelWaiter;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Read-your-writes for ended sessions: every request checks the read model ({@link SessionTokenCheck}), so an
 * answer that says "session ended" waits until the read model says so too. Then a token of that session is
 * refused from the moment the answer arrives.
 */
@Component
class SessionReadModel {

    private final QueryGateway queries;
    private final ReadModelWaiter readModel;

    SessionReadModel(QueryGateway queries, ReadModelWaiter readModel) {
        this.queries = queries;
        this.readModel = readModel;
    }

    void awaitEnded(UserId user, SessionId session) {
        readModel.await(() -> access(user, session).filter(AccessView::sessionRevoked));
    }

    /** Waits until no session of {@code user} but {@code keep} (null: none) is listed as active. */
    void awaitAllEndedBut(UserId user, SessionId keep) {
        readModel.await(() -> sessions(user).filter(page -> page.items().stream()
                .allMatch(session -> session.sessionId().equals(keep))));
    }

    /** The account id behind a login (email or mobile), when the read model knows it. */
    Optional<UserId> accountOf(String normalizedLogin) {
        try {
            return Optional.ofNullable(queries.query(new FindUserByLoginQuery(normalizedLogin), UserView.class).join())
                    .map(UserView::userId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<AccessView> access(UserId user, SessionId session) {
        try {
            return Optional.ofNullable(queries.query(new CheckAccessQuery(user, session), AccessView.class).join());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<SessionPage> sessions(UserId user) {
        try {
            return Optional.ofNullable(queries.query(new FindSessionsQuery(user), SessionPage.class).join());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
