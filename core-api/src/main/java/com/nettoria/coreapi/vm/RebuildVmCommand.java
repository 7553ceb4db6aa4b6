package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reinstall a VM from an operating system's template, keeping its size, vCenter name and datacenter. Same ownership
 * and operation id rules as {@link RequestVmPowerCommand} ({@code customerId} {@code null}: an administrator).
 * Answers {@link VmRebuildAccepted}. Refused for a VM that is not active or has an operation pending, and for an
 * operating system the catalogue does not offer in the VM's datacenter.
 *
 * @param operatingSystemId the system to install, or {@code null} for the one the VM runs now
 * @param sshPublicKey      root's OpenSSH public key (already checked), or {@code null}: a root password is generated
 */
public record RebuildVmCommand(@TargetAggregateIdentifier VmId vmId, CustomerId customerId, String operationId,
                               OperatingSystemId operatingSystemId, String sshPublicKey) {
}
