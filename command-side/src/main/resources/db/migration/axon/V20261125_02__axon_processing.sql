-- Tracking tokens of every streaming event processor (projections and sagas). Nodes claim segments here.
CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    tokenType     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT TokenEntry_pkey PRIMARY KEY (processorName, segment)
);

-- Sagas and the association values that route events to them.
CREATE TABLE SagaEntry (
    sagaId         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BYTEA,
    CONSTRAINT SagaEntry_pkey PRIMARY KEY (sagaId)
);

CREATE TABLE AssociationValueEntry (
    id                BIGSERIAL    NOT NULL,
    associationKey   VARCHAR(255) NOT NULL,
    associationValue VARCHAR(255),
    sagaId           VARCHAR(255) NOT NULL,
    sagaType         VARCHAR(255),
    CONSTRAINT AssociationValueEntry_pkey PRIMARY KEY (id)
);
CREATE INDEX AssociationValueEntry_lookup_idx
    ON AssociationValueEntry (sagaType, associationKey, associationValue);
CREATE INDEX AssociationValueEntry_saga_idx ON AssociationValueEntry (sagaId, sagaType);

-- Events a processor could not handle, parked per processing group and sequence (JdbcSequencedDeadLetterQueue).
CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier       VARCHAR(255)  NOT NULL,
    processingGroup     VARCHAR(255)  NOT NULL,
    sequenceIdentifier  VARCHAR(255)  NOT NULL,
    sequenceIndex       BIGINT        NOT NULL,
    messageType         VARCHAR(255)  NOT NULL,
    eventIdentifier     VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType         VARCHAR(255)  NOT NULL,
    payloadRevision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metaData            BYTEA,
    type       VARCHAR(255),
    aggregateIdentifier VARCHAR(255),
    sequenceNumber      BIGINT,
    tokenType           VARCHAR(255),
    token                BYTEA,
    enqueuedAt          VARCHAR(255)  NOT NULL,
    lastTouched         VARCHAR(255),
    processingStarted   VARCHAR(255),
    causeType           VARCHAR(255),
    causeMessage        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT DeadLetterEntry_pkey PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT DeadLetterEntry_sequence_key UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX DeadLetterEntry_group_idx ON DeadLetterEntry (processingGroup);

-- Persistent deadlines and scheduled events (db-scheduler, wired by Axon's DbScheduler auto-configuration).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
