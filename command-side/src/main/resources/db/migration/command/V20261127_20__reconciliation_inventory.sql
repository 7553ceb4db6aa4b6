-- The command side's own list of the platform's VMs for reconciliation with vCenter (ReconciliationInventory),
-- kept by the reconciliation-inventory event processor from the VM events; rebuilt by a replay from zero.
create table reconciliation_vm (
    vm_id              varchar(64)  primary key,
    vcenter_datacenter varchar(255) not null,
    vcenter_name       varchar(255) not null,
    standing           varchar(20)  not null
        check (standing in ('PROVISIONING', 'ACTIVE', 'DELETING', 'FAILED', 'DESTROYED')),
    power_state        varchar(20)  not null check (power_state in ('ON', 'OFF', 'SUSPENDED', 'UNKNOWN')),
    pending_operation  varchar(128)  -- the power change or deletion under way, if any
);
create index reconciliation_vm_datacenter on reconciliation_vm (vcenter_datacenter);
