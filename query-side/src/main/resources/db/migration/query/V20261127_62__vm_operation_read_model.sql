-- Read model of the VM operation projection (processing group "vm-operation-projection"): one row per power or
-- delete operation requested on a VM, with who asked and how it ended in vCenter. Rebuilt from the event store on
-- replay: the projection's reset handler empties it.
CREATE TABLE vm_operation (
    vm_id          VARCHAR(64)  NOT NULL,
    operation_id   VARCHAR(255) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    code           VARCHAR(255),
    reason         TEXT,
    requested_by   VARCHAR(255),
    cause_type     VARCHAR(64),
    requested_at   TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ,
    -- the VM aggregate's sequence number of the request: the order of the VM's operations
    sequence_no    BIGINT       NOT NULL,
    -- the VM aggregate's sequence number of the last event applied here: a repeated event changes nothing
    last_sequence  BIGINT       NOT NULL,
    PRIMARY KEY (vm_id, operation_id)
);
-- a VM's operations, newest first
CREATE INDEX vm_operation_vm_idx ON vm_operation (vm_id, sequence_no DESC);
