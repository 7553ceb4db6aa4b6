package com.nettoria.query.identity;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.IdentityDocument;
import com.nettoria.coreapi.identity.LoginMethod;
import com.nettoria.coreapi.identity.LoginSucceededEvent;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.query.support.EventStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Test data of the identity read models: one account's events as its aggregate records them, each with its own
 * identifier, the account's next sequence number and a time one second after the previous event.
 */
final class UserEvents {

    static final Instant START = Instant.parse("2026-02-01T09:00:00Z");
    static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    static final String NATIONAL_CODE = "0499370899";
    static final IdentityDocument IRANIAN_DOCUMENT = IdentityDocument.iranian(NATIONAL_CODE, LocalDate.of(1990, 3, 21));
    static final IdentityDocument PASSPORT = IdentityDocument.passport("X98765432", "DE", LocalDate.of(1985, 7, 1));
    static final String PASSWORD_HASH = "{argon2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

    private final UserId userId;
    private final EventStream stream;

    UserEvents(UserId userId, Instant start) {
        this.userId = userId;
        this.stream = new EventStream("User", userId.value(), start);
    }

    static UserEvents of(String userId) {
        return new UserEvents(new UserId(userId), START);
    }

    UserId userId() {
        return userId;
    }

    /** The time of the last event made. */
    Instant lastTime() {
        return stream.lastTime();
    }

    <T> DomainEventMessage<T> next(T payload) {
        return stream.next(payload);
    }

    <T> DomainEventMessage<T> next(T payload, MetaData metaData) {
        return stream.next(payload, metaData);
    }

    <T> DomainEventMessage<T> after(Duration pause, T payload, MetaData metaData) {
        return stream.after(pause, payload, metaData);
    }

    UserRegisteredEvent registered(String firstName, String lastName, String email, String mobile, Role... roles) {
        return new UserRegisteredEvent(userId, firstName, lastName, EmailAddress.parse(email),
                MobileNumber.parse(mobile), PASSWORD_HASH, Set.of(roles), "fa");
    }

    LoginSucceededEvent loggedIn(SessionId session, Instant expiresAt) {
        return new LoginSucceededEvent(userId, session, LoginMethod.PASSWORD, "refresh-hash-" + session, expiresAt, 0);
    }

    /** The metadata of a request the user made from a browser. */
    static MetaData request(String actorId, String clientAddress, String userAgent) {
        return MetaData.with(Causation.ACTOR_ID, actorId)
                .and(Causation.CLIENT_ADDRESS, clientAddress)
                .and(Causation.USER_AGENT, userAgent)
                .and(Causation.REQUEST_ID, UUID.randomUUID().toString());
    }
}
