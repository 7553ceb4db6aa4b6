-- Read model of the order projection (processing group "order-projection"): one row per order with the quote it
-- was placed at and where it is in its life. Rebuilt from the event store on replay: the projection's reset
-- handler empties it. ("order" is a reserved word, hence customer_order.)
CREATE TABLE customer_order (
    order_id               VARCHAR(64)    NOT NULL PRIMARY KEY,
    customer_id            VARCHAR(255)   NOT NULL,
    status                 VARCHAR(32)    NOT NULL,
    -- null for a custom size
    plan_id                VARCHAR(63),
    vcpus                  INTEGER        NOT NULL,
    memory_mib             INTEGER        NOT NULL,
    disk_gib               INTEGER        NOT NULL,
    traffic_gib            INTEGER        NOT NULL,
    datacenter_id          VARCHAR(63)    NOT NULL,
    operating_system_id    VARCHAR(63)    NOT NULL,
    period                 VARCHAR(16)    NOT NULL,
    hostname               TEXT           NOT NULL,
    -- every amount of an order is in the currency of its quote
    currency               CHAR(3)        NOT NULL,
    amount_due             NUMERIC(38, 8) NOT NULL,
    hourly_price           NUMERIC(38, 8) NOT NULL,
    monthly_price          NUMERIC(38, 8) NOT NULL,
    discount_percent       NUMERIC        NOT NULL,
    payment_failure_code   VARCHAR(255),
    payment_failure_reason TEXT,
    failure_code           VARCHAR(255),
    failure_reason         TEXT,
    refunded_amount        NUMERIC(38, 8),
    cancellation_reason    TEXT,
    cancelled_by           VARCHAR(255),
    vm_id                  VARCHAR(64),
    placed_at              TIMESTAMPTZ    NOT NULL,
    paid_at                TIMESTAMPTZ,
    payment_due_by         TIMESTAMPTZ,
    closed_at              TIMESTAMPTZ,
    updated_at             TIMESTAMPTZ    NOT NULL,
    -- the order aggregate's sequence number of the last event applied here: a repeated or older event changes nothing
    last_sequence          BIGINT         NOT NULL
);
-- a customer's orders, newest first, all or of one status
CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, placed_at DESC, order_id DESC);
CREATE INDEX customer_order_customer_status_idx ON customer_order (customer_id, status, placed_at DESC, order_id DESC);
-- the administrators' list, newest first, all or of one status
CREATE INDEX customer_order_placed_idx ON customer_order (placed_at DESC, order_id DESC);
CREATE INDEX customer_order_status_idx ON customer_order (status, placed_at DESC, order_id DESC);
