package com.nettoria.coreapi.vm;

/**
 * Reconciliation run {@code runId} found a VM in vCenter that carries the platform's name prefix
 * ({@link VmId#VCENTER_NAME_PREFIX}) but that the platform does not run: no VM of the platform has that name, or the
 * one that had it failed provisioning or was destroyed ({@code knownVmId}, else null). Nobody bills it; an operator
 * decides whether to delete it. Published once per orphan per run, not by an aggregate.
 */
public record VcenterOrphanFoundEvent(String runId,
                                      String vcenterDatacenter,
                                      String vcenterName,
                                      String instanceUuid,
                                      PowerState powerState,
                                      VmId knownVmId) {
}
