package com.nettoria.coreapi.catalogue;

/** The sizes a custom configuration may have, each bound inclusive. */
public record CustomLimits(int minVcpus,
                           int maxVcpus,
                           int minMemoryMib,
                           int maxMemoryMib,
                           int minDiskGib,
                           int maxDiskGib) {
}
