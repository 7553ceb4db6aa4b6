-- Read model of the activity log projection (processing group "activity-log-projection"): one row per event
-- worth showing in an account's activity log. Keyed by the event's identifier (and the user aggregate's sequence
-- number), so a repeated event adds nothing. Details never hold hashes, secrets, codes or full document numbers.
-- Rebuilt from the event store on replay: the projection's reset handler empties it.
CREATE TABLE activity_entry (
    event_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    user_id        VARCHAR(255) NOT NULL,
    sequence_no    BIGINT       NOT NULL,
    type           VARCHAR(64)  NOT NULL,
    details        JSONB        NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    client_address TEXT,
    user_agent     TEXT,
    actor_id       VARCHAR(255),
    CONSTRAINT activity_entry_sequence_key UNIQUE (user_id, sequence_no)
);
