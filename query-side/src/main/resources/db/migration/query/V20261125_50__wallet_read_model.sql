-- Read model of the wallet projection (processing group "wallet-projection"). Rebuilt from the event store
-- on replay: the projection's reset handler empties both tables.
CREATE TABLE wallet (
    wallet_id         VARCHAR(64)    NOT NULL PRIMARY KEY,
    owner_id          VARCHAR(255)   NOT NULL,
    currency          CHAR(3)        NOT NULL,
    balance           NUMERIC(38, 8) NOT NULL,
    transaction_count BIGINT         NOT NULL,
    -- the wallet aggregate's sequence number of the last event applied here; guards against going back
    last_sequence     BIGINT         NOT NULL,
    opened_at         TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL
);
CREATE INDEX wallet_owner_idx ON wallet (owner_id);

CREATE TABLE wallet_transaction (
    transaction_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    wallet_id      VARCHAR(64)    NOT NULL,
    sequence_no    BIGINT         NOT NULL,
    type           VARCHAR(16)    NOT NULL,
    amount         NUMERIC(38, 8) NOT NULL,
    balance_after  NUMERIC(38, 8) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    description    VARCHAR(500),
    actor_id       VARCHAR(255),
    cause_type     VARCHAR(64),
    cause_id       VARCHAR(255),
    event_id       VARCHAR(255)   NOT NULL UNIQUE,
    occurred_at    TIMESTAMPTZ    NOT NULL,
    CONSTRAINT wallet_transaction_sequence_key UNIQUE (wallet_id, sequence_no)
);
