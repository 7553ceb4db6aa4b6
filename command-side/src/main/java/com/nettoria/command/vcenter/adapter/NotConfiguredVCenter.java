package com.nettoria.command.vcenter.adapter;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link VCenter} of a platform with no {@code nettoria.vcenter.url}: every call fails with
 * {@link VCenterException.Kind#UNAVAILABLE}, so sagas wait and retry until an operator configures one, and the
 * rest of the platform (accounts, wallets) works meanwhile.
 */
public final class NotConfiguredVCenter implements VCenter {

    static final String REASON = "no vCenter configured (nettoria.vcenter.url)";

    private static VCenterException unavailable() {
        return new VCenterException(VCenterException.Kind.UNAVAILABLE, REASON);
    }

    @Override
    public Optional<VmInfo> findVm(String datacenter, String name) {
        throw unavailable();
    }

    @Override
    public VmInfo cloneFromTemplate(CloneSpec spec) {
        throw unavailable();
    }

    @Override
    public void reconfigure(String datacenter, String name, int vcpus, long memoryMib, long diskGib) {
        throw unavailable();
    }

    @Override
    public void connectNetwork(String datacenter, String name, String network) {
        throw unavailable();
    }

    @Override
    public void setGuestInfo(String datacenter, String name, Map<String, String> keys) {
        throw unavailable();
    }

    @Override
    public void powerOn(String datacenter, String name) {
        throw unavailable();
    }

    @Override
    public void powerOff(String datacenter, String name) {
        throw unavailable();
    }

    @Override
    public boolean shutdownGuest(String datacenter, String name, Duration grace) {
        throw unavailable();
    }

    @Override
    public void reset(String datacenter, String name) {
        throw unavailable();
    }

    @Override
    public void destroy(String datacenter, String name) {
        throw unavailable();
    }

    @Override
    public Optional<String> guestIpAddress(String datacenter, String name) {
        throw unavailable();
    }

    @Override
    public String createSnapshot(String datacenter, String name, String snapshotName, String description) {
        throw unavailable();
    }

    @Override
    public void revertToSnapshot(String datacenter, String name, String snapshotName) {
        throw unavailable();
    }

    @Override
    public void removeSnapshot(String datacenter, String name, String snapshotName) {
        throw unavailable();
    }

    @Override
    public Optional<VmInfo> vmInfo(String datacenter, String name) {
        throw unavailable();
    }

    @Override
    public List<VmInfo> listVms(String datacenter, String namePrefix) {
        throw unavailable();
    }

    @Override
    public Capacity capacity(String datacenter, String cluster) {
        throw unavailable();
    }

    @Override
    public boolean templateExists(String datacenter, String template) {
        throw unavailable();
    }

    @Override
    public String about() {
        throw unavailable();
    }

    @Override
    public String toString() {
        return "NotConfiguredVCenter";
    }
}
