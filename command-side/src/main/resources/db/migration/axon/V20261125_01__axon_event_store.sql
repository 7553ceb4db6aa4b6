-- Axon's event store, with the JdbcEventStorageEngine's default table and column names (PostgreSQL folds the
-- unquoted names to lower case, as it does in Axon's own SQL). Events are kept forever. Payloads and metadata are
-- bytea, never large objects. The global index comes from a dedicated sequence that increments by 1 with no
-- cache, so tracking tokens see gaps only where a transaction rolled back.
CREATE SEQUENCE DomainEventEntry_globalIndex_seq INCREMENT BY 1 START WITH 1 CACHE 1;

CREATE TABLE DomainEventEntry (
    globalIndex         BIGINT       NOT NULL DEFAULT nextval('DomainEventEntry_globalIndex_seq'),
    eventIdentifier     VARCHAR(255) NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    timeStamp           VARCHAR(255) NOT NULL,
    payloadType         VARCHAR(255) NOT NULL,
    payloadRevision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData            BYTEA,
    CONSTRAINT DomainEventEntry_pkey PRIMARY KEY (globalIndex),
    CONSTRAINT DomainEventEntry_eventIdentifier_key UNIQUE (eventIdentifier),
    -- the optimistic lock of every aggregate: two nodes cannot both append sequence N
    CONSTRAINT DomainEventEntry_aggregate_sequence_key UNIQUE (aggregateIdentifier, sequenceNumber)
);
ALTER SEQUENCE DomainEventEntry_globalIndex_seq OWNED BY DomainEventEntry.globalIndex;

CREATE TABLE SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    payloadType         VARCHAR(255) NOT NULL,
    payloadRevision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData            BYTEA,
    CONSTRAINT SnapshotEventEntry_pkey PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT SnapshotEventEntry_eventIdentifier_key UNIQUE (eventIdentifier)
);
