-- Read model of the VM snapshot projection (processing group "vm-snapshot-projection"): one row per snapshot a VM
-- keeps (being taken, kept, being deleted); a deleted snapshot, one that could not be taken, and every snapshot of
-- a destroyed VM are gone. Rebuilt from the event store on replay: the projection's reset handler empties it.
CREATE TABLE vm_snapshot (
    vm_id                 VARCHAR(64)  NOT NULL,
    snapshot_id           VARCHAR(64)  NOT NULL,
    name                  VARCHAR(64)  NOT NULL,
    description           VARCHAR(255),
    status                VARCHAR(16)  NOT NULL,
    -- the operation that took it
    operation_id          VARCHAR(255) NOT NULL,
    -- the take or delete operation under way, whose failure undoes what it began
    pending_operation_id  VARCHAR(255),
    vcenter_snapshot_ref  VARCHAR(255),
    requested_at          TIMESTAMPTZ  NOT NULL,
    taken_at              TIMESTAMPTZ,
    restored_at           TIMESTAMPTZ,
    -- the VM aggregate's sequence number of the request: the order of the VM's snapshots
    sequence_no           BIGINT       NOT NULL,
    -- the VM aggregate's sequence number of the last event applied here: a repeated event changes nothing
    last_sequence         BIGINT       NOT NULL,
    PRIMARY KEY (vm_id, snapshot_id)
);
CREATE INDEX vm_snapshot_vm_idx ON vm_snapshot (vm_id, sequence_no);
