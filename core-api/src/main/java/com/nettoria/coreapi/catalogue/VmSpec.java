package com.nettoria.coreapi.catalogue;

/**
 * The size of a virtual machine: what a plan offers or a customer configures, and what vCenter is asked for.
 *
 * @param vcpus      virtual CPUs, at least 1
 * @param memoryMib  memory in MiB, at least 512
 * @param diskGib    the system disk in GiB, at least 1
 * @param trafficGib monthly traffic allowance in GiB; 0 means unmetered
 */
public record VmSpec(int vcpus, int memoryMib, int diskGib, int trafficGib) {

    public VmSpec {
        if (vcpus < 1) {
            throw new IllegalArgumentException("vcpus must be at least 1");
        }
        if (memoryMib < 512) {
            throw new IllegalArgumentException("memoryMib must be at least 512");
        }
        if (diskGib < 1) {
            throw new IllegalArgumentException("diskGib must be at least 1");
        }
        if (trafficGib < 0) {
            throw new IllegalArgumentException("trafficGib must not be negative");
        }
    }

    /** Whether every resource of {@code other} is at least as large as this one's (a scale-up, never a shrink). */
    public boolean fitsWithin(VmSpec other) {
        return vcpus <= other.vcpus && memoryMib <= other.memoryMib && diskGib <= other.diskGib;
    }
}
