package com.nettoria.coreapi.vm;

/**
 * The VMs reconciliation found in vCenter that the platform does not run (administrators only): answers a
 * {@code List<VcenterOrphanView>}, the ones still there first, most recently found first; the ones a later run no
 * longer found only when {@code includeGone}.
 */
public record FindVcenterOrphansQuery(boolean includeGone) {
}
