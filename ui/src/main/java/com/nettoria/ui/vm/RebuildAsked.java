package com.nettoria.ui.vm;

import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Slug;
import com.nettoria.coreapi.vm.RebuildVmCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.ui.order.SshPublicKeys;
import com.nettoria.ui.vm.VmApi.RebuildRequest;
import com.nettoria.ui.web.ApiProblem;

/**
 * What a rebuild request asks for, checked field by field (a 400 naming the field) before the VM is asked: the
 * catalogue alone decides whether the operating system may be installed, as when ordering. Owners and
 * administrators ask alike.
 *
 * @param operatingSystemId the system to install, or {@code null} (absent or blank) for the VM's own
 * @param sshPublicKey      root's key in one normalised line, or {@code null}: a root password is generated
 */
record RebuildAsked(OperatingSystemId operatingSystemId, String sshPublicKey) {

    static RebuildAsked of(RebuildRequest body) {
        if (body == null) {
            return new RebuildAsked(null, null);
        }
        String system = body.operatingSystemId() == null || body.operatingSystemId().isBlank()
                ? null : body.operatingSystemId().strip();
        if (system != null && !Slug.isValid(system)) {
            throw ApiProblem.badRequest("operatingSystemId", "operatingSystemId must be 2-63 lower-case letters, "
                    + "digits and inner hyphens, as GET /api/services lists them");
        }
        return new RebuildAsked(system == null ? null : new OperatingSystemId(system),
                SshPublicKeys.normalise(body.sshPublicKey()));
    }

    /** The command for the VM; {@code customerId} {@code null} when an administrator asks. */
    RebuildVmCommand command(VmId vmId, CustomerId customerId, String operationId) {
        return new RebuildVmCommand(vmId, customerId, operationId, operatingSystemId, sshPublicKey);
    }
}
