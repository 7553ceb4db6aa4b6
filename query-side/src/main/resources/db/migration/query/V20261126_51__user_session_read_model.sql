-- Read model of the session projection (processing group "session-projection"): one row per login session, with
-- where it was opened from (client address and user agent of the login's metadata) and last used. Rebuilt from
-- the event store on replay: the projection's reset handler empties it.
CREATE TABLE user_session (
    session_id          VARCHAR(255) NOT NULL PRIMARY KEY,
    user_id             VARCHAR(255) NOT NULL,
    method              VARCHAR(32)  NOT NULL,
    client_address      TEXT,
    user_agent          TEXT,
    created_at          TIMESTAMPTZ  NOT NULL,
    last_used_at        TIMESTAMPTZ  NOT NULL,
    last_client_address TEXT,
    expires_at          TIMESTAMPTZ  NOT NULL,
    revoked             BOOLEAN      NOT NULL,
    revocation_reason   VARCHAR(32),
    revoked_at          TIMESTAMPTZ,
    -- the user aggregate's sequence number of the last event applied here: a repeated or older event changes nothing
    last_sequence       BIGINT       NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id, last_used_at DESC);
