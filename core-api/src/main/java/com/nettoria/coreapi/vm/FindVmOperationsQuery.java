package com.nettoria.coreapi.vm;

import java.util.Objects;

/** A VM's operations, newest first; answers a {@link VmOperationPage}. */
public record FindVmOperationsQuery(VmId vmId, int page, int size) {

    public FindVmOperationsQuery {
        Objects.requireNonNull(vmId, "vmId");
        Pages.check(page, size);
    }
}
