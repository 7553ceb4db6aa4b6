package com.nettoria.coreapi.vm;

import java.time.Instant;

/**
 * A VM in vCenter with the platform's name prefix that the platform does not run, as reconciliation last saw it.
 *
 * @param knownVmId    the platform's VM that had this name (failed provisioning or destroyed), or null
 * @param firstFoundAt when a run first found it (again, after it had been gone)
 * @param lastFoundAt  when a run last found it
 * @param lastRunId    the reconciliation run that last found it
 * @param goneAt       when a later run that looked at its datacenter no longer found it; null while it is there
 */
public record VcenterOrphanView(String vcenterDatacenter,
                                String vcenterName,
                                String instanceUuid,
                                PowerState powerState,
                                VmId knownVmId,
                                Instant firstFoundAt,
                                Instant lastFoundAt,
                                String lastRunId,
                                Instant goneAt) {
}
