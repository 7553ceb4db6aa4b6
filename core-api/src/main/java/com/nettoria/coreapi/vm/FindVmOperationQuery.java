package com.nettoria.coreapi.vm;

/** One operation of a VM; answers an {@code Optional<VmOperationView>}. */
public record FindVmOperationQuery(VmId vmId, String operationId) {
}
