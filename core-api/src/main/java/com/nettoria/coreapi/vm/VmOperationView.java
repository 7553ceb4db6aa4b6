package com.nettoria.coreapi.vm;

import java.time.Instant;

/**
 * One operation requested on a VM (a power action, its deletion, taking, restoring or deleting a snapshot) and how it ended in vCenter.
 *
 * @param operationId the request's name: the same id again is the same request
 * @param code        why it failed (stable), or {@code null}
 * @param reason      why it failed (for people), or {@code null}
 * @param requestedBy who asked for it (the request's actor), or {@code null} when the platform did
 * @param finishedAt  when vCenter carried it out or refused it, or {@code null} while it is requested
 */
public record VmOperationView(String operationId,
                              VmId vmId,
                              VmOperationKind kind,
                              VmOperationStatus status,
                              String code,
                              String reason,
                              String requestedBy,
                              Instant requestedAt,
                              Instant finishedAt) {
}
