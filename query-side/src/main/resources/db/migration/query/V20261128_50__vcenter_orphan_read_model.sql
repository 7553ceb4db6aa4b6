-- Read model of the vCenter orphan projection (processing group "vcenter-orphan-projection"): one row per VM
-- reconciliation found in vCenter with the platform's name prefix that the platform does not run
-- (VcenterOrphanFoundEvent), marked gone when a later run that looked at its datacenter no longer found it
-- (ReconciliationCompletedEvent). Rebuilt from the event store on replay: the projection's reset handler empties it.
CREATE TABLE vcenter_orphan (
    vcenter_datacenter VARCHAR(255) NOT NULL,
    vcenter_name       VARCHAR(255) NOT NULL,
    instance_uuid      VARCHAR(64),
    power_state        VARCHAR(16)  NOT NULL,
    known_vm_id        VARCHAR(64),
    first_found_at     TIMESTAMPTZ  NOT NULL,
    last_found_at      TIMESTAMPTZ  NOT NULL,
    last_run_id        VARCHAR(64)  NOT NULL,
    gone_at            TIMESTAMPTZ,
    gone_run_id        VARCHAR(64),
    PRIMARY KEY (vcenter_datacenter, vcenter_name)
);
CREATE INDEX vcenter_orphan_present_idx ON vcenter_orphan (last_found_at DESC) WHERE gone_at IS NULL;
