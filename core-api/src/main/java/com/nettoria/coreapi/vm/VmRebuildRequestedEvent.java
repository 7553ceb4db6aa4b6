package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;

/**
 * A VM is to be reinstalled (it is {@link VmStatus#REBUILDING} until the operation ends): the VM operations worker
 * destroys {@code vcenterName} in vCenter and clones {@code template} under the same name with the same spec and
 * placement.
 *
 * @param replacedInstanceUuid the vCenter instance UUID of the VM being replaced ({@code null} if unknown), so that a
 *                             repeated step tells the old VM from the new clone
 * @param sealedRootPassword   the generated root password sealed with the platform's secret key, or {@code null}
 */
public record VmRebuildRequestedEvent(VmId vmId,
                                      String operationId,
                                      OperatingSystemId operatingSystemId,
                                      String template,
                                      String sshPublicKey,
                                      String sealedRootPassword,
                                      VmSpec spec,
                                      VcenterPlacement placement,
                                      String vcenterName,
                                      String replacedInstanceUuid) {
}
