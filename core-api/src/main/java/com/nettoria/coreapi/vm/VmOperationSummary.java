package com.nettoria.coreapi.vm;

import java.time.Instant;

/**
 * The last operation requested on a VM, as its {@link VmView} shows it.
 *
 * @param code       why it failed, or {@code null}
 * @param changedAt  when it was requested, or when it ended once it has
 */
public record VmOperationSummary(String operationId, VmOperationKind kind, VmOperationStatus status, String code,
                                 Instant changedAt) {
}
