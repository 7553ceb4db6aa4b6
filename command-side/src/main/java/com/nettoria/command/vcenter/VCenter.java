package com.nettoria.command.vcenter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command side's port to a VMware vCenter. Sagas and operation handlers talk to vCenter only through it;
 * one adapter per client library lives in {@code vcenter.adapter}. Every call is bounded by a timeout, waits for
 * the vCenter task it starts, and fails with a {@link VCenterException} that says whether a retry can help.
 *
 * <p>Calls are idempotent where vCenter allows it, so that a saga step repeated after a crash does no harm:
 * powering on a running VM, destroying a VM that is gone, or reconfiguring to the current size succeed quietly.
 * A VM is addressed by the vCenter datacenter it lives in and its (unique, platform-chosen) name.
 */
public interface VCenter {

    /** The VM with this name in the datacenter, if there is one (templates are never returned). */
    Optional<VmInfo> findVm(String datacenter, String name);

    /**
     * Clones a template into a new, powered-off VM and answers it. Refused with
     * {@link VCenterException.Kind#NOT_FOUND} when the template or a placement target is missing.
     */
    VmInfo cloneFromTemplate(CloneSpec spec);

    /**
     * Sets vCPUs and memory and grows the first disk to {@code diskGib} (never shrinks it: a smaller size is
     * refused with {@link VCenterException.Kind#REJECTED}).
     */
    void reconfigure(String datacenter, String name, int vcpus, long memoryMib, long diskGib);

    /** Attaches the VM's first network adapter to the named network (port group); adds an adapter if it has none. */
    void connectNetwork(String datacenter, String name, String network);

    /**
     * Sets these advanced settings (extraConfig) of the VM, e.g. the {@code guestinfo.*} keys cloud-init reads at
     * boot; its other settings stay. Keys that hold the value already are left alone, so a repeated call changes
     * nothing.
     */
    void setGuestInfo(String datacenter, String name, Map<String, String> keys);

    void powerOn(String datacenter, String name);

    /** Hard power-off. */
    void powerOff(String datacenter, String name);

    /**
     * Asks the guest OS to shut down and waits up to {@code grace} for the VM to be off; answers whether it went
     * off by itself (false: still on after the grace period, or no guest tools; the caller may power off).
     */
    boolean shutdownGuest(String datacenter, String name, Duration grace);

    void reset(String datacenter, String name);

    /** Destroys the VM (powering it off first); a VM that does not exist is not an error. */
    void destroy(String datacenter, String name);

    /** The guest's first IPv4 address as reported by VMware Tools, if it has one yet. */
    Optional<String> guestIpAddress(String datacenter, String name);

    /**
     * Takes a snapshot (without memory) and answers its vCenter id; when the VM has a snapshot of that name already
     * (a repeated step), answers that one's id.
     */
    String createSnapshot(String datacenter, String name, String snapshotName, String description);

    void revertToSnapshot(String datacenter, String name, String snapshotName);

    /** Removes a snapshot; a snapshot that does not exist is not an error. */
    void removeSnapshot(String datacenter, String name, String snapshotName);

    /** Power state, resources and quick stats of one VM. */
    Optional<VmInfo> vmInfo(String datacenter, String name);

    /** Every VM (not templates) of a datacenter whose name starts with {@code namePrefix}: for reconciliation. */
    List<VmInfo> listVms(String datacenter, String namePrefix);

    /** CPU, memory and datastore capacity of a cluster and the datastores it can place VMs on. */
    Capacity capacity(String datacenter, String cluster);

    /** Whether a template exists in the datacenter (used when an admin maps an operating system). */
    boolean templateExists(String datacenter, String template);

    /** What vCenter says about itself (full name and API version), proving the credentials work. */
    String about();

    /** Where a new VM goes and what it is made from. */
    record CloneSpec(String datacenter, String template, String name, String cluster, String resourcePool,
                     String datastore, String folder, String annotation) {
    }

    /** A VM as vCenter sees it. Quick-stat fields are 0 when vCenter has no sample yet. */
    record VmInfo(String name, String moRef, String instanceUuid, PowerState powerState, int vcpus, long memoryMib,
                  long diskGib, String ipAddress, int cpuUsageMhz, long memoryUsageMib, long uptimeSeconds,
                  String datastore) {
    }

    /** The power state of a VM in vCenter's words. */
    enum PowerState {
        POWERED_ON, POWERED_OFF, SUSPENDED;

        /** The same state in the platform's words. */
        public com.nettoria.coreapi.vm.PowerState platformState() {
            return switch (this) {
                case POWERED_ON -> com.nettoria.coreapi.vm.PowerState.ON;
                case POWERED_OFF -> com.nettoria.coreapi.vm.PowerState.OFF;
                case SUSPENDED -> com.nettoria.coreapi.vm.PowerState.SUSPENDED;
            };
        }
    }

    /**
     * A cluster's totals and what is in use, plus its datastores' space. {@code *Total} is the hardware of all its
     * hosts; {@code *Effective} what is left of it for VMs (hosts that are up, less the virtualization overhead);
     * {@code *Used} the sum of what its hosts report in use now.
     */
    record Capacity(String cluster, int hosts, int cpuCores, long cpuMhzTotal, long cpuMhzEffective, long cpuMhzUsed,
                    long memoryMibTotal, long memoryMibEffective, long memoryMibUsed, List<DatastoreSpace> datastores) {
    }

    record DatastoreSpace(String name, long capacityGib, long freeGib) {
    }
}
