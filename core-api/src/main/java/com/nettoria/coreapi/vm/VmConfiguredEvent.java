package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.catalogue.VmSpec;

/** The VM in vCenter has the ordered vCPUs, memory and disk and is connected to {@code network}. */
public record VmConfiguredEvent(VmId vmId, VmSpec spec, String network) {
}
