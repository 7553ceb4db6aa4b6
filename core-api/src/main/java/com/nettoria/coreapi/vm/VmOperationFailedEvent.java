package com.nettoria.coreapi.vm;

/** A requested operation could not be carried out in vCenter; {@code code} is stable, {@code reason} explains. */
public record VmOperationFailedEvent(VmId vmId, String operationId, String code, String reason) {
}
