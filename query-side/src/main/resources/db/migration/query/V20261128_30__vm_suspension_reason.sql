-- Why the platform suspended a VM (status SUSPENDED), shown to its owner; cleared when it is unsuspended. The VM
-- projection fills it from VmSuspendedEvent on replay like every other column.
ALTER TABLE vm ADD COLUMN suspension_reason TEXT;
