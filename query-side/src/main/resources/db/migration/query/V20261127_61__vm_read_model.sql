-- Read model of the VM projection (processing group "vm-projection"): one row per virtual machine with its size,
-- life (status), power state, address, provisioning progress and last requested operation. Rebuilt from the
-- event store on replay: the projection's reset handler empties it.
CREATE TABLE vm (
    vm_id                    VARCHAR(64)   NOT NULL PRIMARY KEY,
    order_id                 VARCHAR(64)   NOT NULL,
    customer_id              VARCHAR(255)  NOT NULL,
    hostname                 TEXT          NOT NULL,
    -- null for a custom size
    plan_id                  VARCHAR(63),
    vcpus                    INTEGER       NOT NULL,
    memory_mib               INTEGER       NOT NULL,
    disk_gib                 INTEGER       NOT NULL,
    traffic_gib              INTEGER       NOT NULL,
    period                   VARCHAR(16)   NOT NULL,
    datacenter_id            VARCHAR(63)   NOT NULL,
    operating_system_id      VARCHAR(63)   NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    power_state              VARCHAR(16)   NOT NULL,
    ip_address               TEXT,
    vcenter_name             TEXT          NOT NULL,
    provisioning_step        VARCHAR(16)   NOT NULL,
    failure_code             VARCHAR(255),
    failure_reason           TEXT,
    created_at               TIMESTAMPTZ   NOT NULL,
    provisioned_at           TIMESTAMPTZ,
    deleted_at               TIMESTAMPTZ,
    updated_at               TIMESTAMPTZ   NOT NULL,
    last_operation_id        VARCHAR(255),
    last_operation_kind      VARCHAR(16),
    last_operation_status    VARCHAR(16),
    last_operation_code      VARCHAR(255),
    last_operation_at        TIMESTAMPTZ,
    -- the VM aggregate's sequence number of the last event applied here: a repeated or older event changes nothing
    last_sequence            BIGINT        NOT NULL
);
CREATE INDEX vm_order_idx ON vm (order_id);
-- a customer's VMs, newest first (the default list leaves the deleted ones out)
CREATE INDEX vm_customer_idx ON vm (customer_id, created_at DESC, vm_id DESC);
-- the administrators' list, newest first, all or of one status
CREATE INDEX vm_created_idx ON vm (created_at DESC, vm_id DESC);
CREATE INDEX vm_status_idx ON vm (status, created_at DESC, vm_id DESC);
