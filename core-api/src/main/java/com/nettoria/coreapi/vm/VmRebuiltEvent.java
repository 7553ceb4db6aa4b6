package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.OperatingSystemId;

/** The VM was cloned afresh from {@code operatingSystemId}'s template; it is configured and started next. */
public record VmRebuiltEvent(VmId vmId, String operationId, OperatingSystemId operatingSystemId, String vcenterRef,
                             String instanceUuid, String datastore) {
}
