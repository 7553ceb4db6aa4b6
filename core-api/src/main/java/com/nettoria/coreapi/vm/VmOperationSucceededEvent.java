package com.nettoria.coreapi.vm;

/** A requested operation was carried out in vCenter. */
public record VmOperationSucceededEvent(VmId vmId, String operationId) {
}
