-- Read model of the catalogue projection (processing group "catalogue-projection"): everything the catalogue
-- aggregate (id "main") has saved, each row as the last event of its thing says. Every row keeps the catalogue's
-- sequence number of the event it shows (last_sequence): a repeated or older event changes nothing, so a replay
-- from zero rebuilds the same rows. Rebuilt from the event store on replay: the reset handler empties every table.
-- Nothing is ever deleted by an event: withdrawn things stay, with orderable = FALSE.

-- the catalogue itself: its currency, set by its first price
CREATE TABLE catalogue (
    catalogue_id  VARCHAR(63) NOT NULL PRIMARY KEY,
    currency      CHAR(3)     NOT NULL,
    last_sequence BIGINT      NOT NULL
);

CREATE TABLE catalogue_datacenter (
    datacenter_id         VARCHAR(63)  NOT NULL PRIMARY KEY,
    name                  TEXT         NOT NULL,
    name_fa               TEXT,
    location              TEXT,
    -- ISO 3166-1 alpha-2
    country               VARCHAR(2),
    vcenter_datacenter    TEXT         NOT NULL,
    vcenter_cluster       TEXT         NOT NULL,
    vcenter_resource_pool TEXT,
    vcenter_folder        TEXT,
    -- in the administrator's order: a VM goes to the one with the most free space, its adapter to the first network
    vcenter_datastores    TEXT[]       NOT NULL,
    vcenter_networks      TEXT[]       NOT NULL,
    orderable             BOOLEAN      NOT NULL,
    last_sequence         BIGINT       NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);

CREATE TABLE catalogue_operating_system (
    operating_system_id VARCHAR(63) NOT NULL PRIMARY KEY,
    name                TEXT        NOT NULL,
    name_fa             TEXT,
    family              VARCHAR(16) NOT NULL,
    version             TEXT,
    orderable           BOOLEAN     NOT NULL,
    last_sequence       BIGINT      NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- the vCenter template of an operating system per datacenter; replaced whole with its operating system's row
CREATE TABLE catalogue_os_template (
    operating_system_id VARCHAR(63) NOT NULL REFERENCES catalogue_operating_system ON DELETE CASCADE,
    datacenter_id       VARCHAR(63) NOT NULL,
    template            TEXT        NOT NULL,
    PRIMARY KEY (operating_system_id, datacenter_id)
);

CREATE TABLE catalogue_plan (
    plan_id       VARCHAR(63)    NOT NULL PRIMARY KEY,
    name          TEXT           NOT NULL,
    name_fa       TEXT,
    vcpus         INTEGER        NOT NULL,
    memory_mib    INTEGER        NOT NULL,
    disk_gib      INTEGER        NOT NULL,
    -- 0: unmetered
    traffic_gib   INTEGER        NOT NULL,
    hourly_price  NUMERIC(38, 8) NOT NULL,
    monthly_price NUMERIC(38, 8) NOT NULL,
    currency      CHAR(3)        NOT NULL,
    -- where it is offered, sorted; empty: every datacenter
    datacenters   TEXT[]         NOT NULL,
    orderable     BOOLEAN        NOT NULL,
    sort_order    INTEGER        NOT NULL,
    last_sequence BIGINT         NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL
);
CREATE INDEX catalogue_plan_order_idx ON catalogue_plan (sort_order, plan_id);

-- one row per catalogue once an administrator has priced custom sizes
CREATE TABLE catalogue_custom_pricing (
    catalogue_id                 VARCHAR(63)    NOT NULL PRIMARY KEY,
    enabled                      BOOLEAN        NOT NULL,
    monthly_price_per_vcpu       NUMERIC(38, 8) NOT NULL,
    monthly_price_per_gib_memory NUMERIC(38, 8) NOT NULL,
    monthly_price_per_gib_disk   NUMERIC(38, 8) NOT NULL,
    currency                     CHAR(3)        NOT NULL,
    min_vcpus                    INTEGER        NOT NULL,
    max_vcpus                    INTEGER        NOT NULL,
    min_memory_mib               INTEGER        NOT NULL,
    max_memory_mib               INTEGER        NOT NULL,
    min_disk_gib                 INTEGER        NOT NULL,
    max_disk_gib                 INTEGER        NOT NULL,
    traffic_gib                  INTEGER        NOT NULL,
    last_sequence                BIGINT         NOT NULL
);

-- one row per catalogue and billing period once an administrator has set the discounts
CREATE TABLE catalogue_period_discount (
    catalogue_id     VARCHAR(63)   NOT NULL,
    period           VARCHAR(16)   NOT NULL,
    discount_percent NUMERIC(5, 2) NOT NULL,
    last_sequence    BIGINT        NOT NULL,
    PRIMARY KEY (catalogue_id, period)
);
