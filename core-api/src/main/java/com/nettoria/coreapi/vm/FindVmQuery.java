package com.nettoria.coreapi.vm;

/** One VM; answers an {@code Optional<VmView>}. */
public record FindVmQuery(VmId vmId) {
}
