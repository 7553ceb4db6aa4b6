-- Read model of the VM stats sampler (com.nettoria.query.vmstats): vCenter's quick stats of each VM, sampled on a
-- schedule through the query bus. Not a projection: samples are observations, not events, so nothing here can be
-- rebuilt by a replay and a replay of the VM read model leaves it alone (docs/adr/0007).

-- each VM's last sample; a round that cannot reach vCenter leaves it as it was, sampled_at telling how old it is
CREATE TABLE vm_stats_current (
    vm_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    power_state      VARCHAR(16)  NOT NULL,
    vcpus            INTEGER      NOT NULL,
    memory_mib       BIGINT       NOT NULL,
    cpu_usage_mhz    INTEGER      NOT NULL,
    memory_usage_mib BIGINT       NOT NULL,
    uptime_seconds   BIGINT       NOT NULL,
    sampled_at       TIMESTAMPTZ  NOT NULL
);
-- what changed since a node last published updates to its subscribers
CREATE INDEX vm_stats_current_sampled_idx ON vm_stats_current (sampled_at);

-- every sample, kept for nettoria.vm-stats.retention
CREATE TABLE vm_stats_sample (
    vm_id            VARCHAR(64)  NOT NULL,
    sampled_at       TIMESTAMPTZ  NOT NULL,
    power_state      VARCHAR(16)  NOT NULL,
    cpu_usage_mhz    INTEGER      NOT NULL,
    memory_usage_mib BIGINT       NOT NULL,
    uptime_seconds   BIGINT       NOT NULL,
    PRIMARY KEY (vm_id, sampled_at)
);
-- pruning by age
CREATE INDEX vm_stats_sample_sampled_idx ON vm_stats_sample (sampled_at);

-- when the last round started, on whichever node: a node takes a round only when it is due (one row)
CREATE TABLE vm_stats_round (
    id          SMALLINT     NOT NULL PRIMARY KEY CHECK (id = 1),
    started_at  TIMESTAMPTZ  NOT NULL
);
INSERT INTO vm_stats_round (id, started_at) VALUES (1, '-infinity');
