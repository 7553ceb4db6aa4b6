-- The command side's own record of what the platform has allocated per vCenter cluster (CapacityAllocations), kept
-- by the capacity-allocation event processor from the order and VM events; rebuilt by a replay from zero. One row
-- per order from its placement; released when the order is cancelled, expires or fails, or its VM fails
-- provisioning or is destroyed. Orders are refused when the live rows plus the order exceed the cluster's
-- capacity times the datacenter's oversubscription ratios (docs/catalogue.md, "Capacity").
create table capacity_allocation (
    allocation_id      varchar(128) primary key,  -- the order's id
    vm_id              varchar(64),                -- once the order's VM is registered
    datacenter_id      varchar(63)  not null,      -- the catalogue datacenter it was ordered in
    vcenter_datacenter varchar(255) not null,
    cluster            varchar(255) not null,
    vcpus              integer      not null,
    memory_mib         integer      not null,
    disk_gib           integer      not null,
    released           boolean      not null
);
create index capacity_allocation_cluster on capacity_allocation (vcenter_datacenter, cluster) where not released;
create index capacity_allocation_vm on capacity_allocation (vm_id);
