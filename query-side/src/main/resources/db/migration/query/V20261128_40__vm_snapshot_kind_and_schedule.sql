-- Backups (docs/orders-and-vms.md, "Backups"): whether its owner or the VM's backup schedule took a snapshot (the
-- snapshots listed before schedules existed were all their owners'), and each VM's backup schedule. Both belong to
-- the VM snapshot projection (processing group "vm-snapshot-projection"), whose reset handler empties them.
ALTER TABLE vm_snapshot ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'MANUAL';

-- One row per VM with a backup schedule; gone when its owner turns it off or the VM is destroyed.
CREATE TABLE vm_snapshot_schedule (
    vm_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    frequency         VARCHAR(16)  NOT NULL,
    -- HH:mm, UTC
    time_of_day       CHAR(5)      NOT NULL,
    -- a weekly schedule's day (MONDAY..SUNDAY); NULL for a daily one
    day_of_week       VARCHAR(16),
    retain            INTEGER      NOT NULL,
    next_slot         TIMESTAMPTZ  NOT NULL,
    -- the last slot that came due, and why it took no snapshot (NULL when it took one)
    last_slot         TIMESTAMPTZ,
    last_skip_reason  VARCHAR(255),
    updated_at        TIMESTAMPTZ  NOT NULL,
    -- the VM aggregate's sequence number of the last event applied here: a repeated event changes nothing
    last_sequence     BIGINT       NOT NULL
);
