package com.nettoria.command.vcenter.adapter.vijava;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.command.vcenter.VCenterException.Kind;
import com.nettoria.command.vcenter.adapter.VCenterProperties;
import com.vmware.vim25.AboutInfo;
import com.vmware.vim25.ComputeResourceSummary;
import com.vmware.vim25.DatastoreSummary;
import com.vmware.vim25.DistributedVirtualSwitchPortConnection;
import com.vmware.vim25.DuplicateName;
import com.vmware.vim25.GuestNicInfo;
import com.vmware.vim25.HostListSummaryQuickStats;
import com.vmware.vim25.InvalidPowerState;
import com.vmware.vim25.InvalidState;
import com.vmware.vim25.ManagedObjectNotFound;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.ToolsUnavailable;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDeviceBackingInfo;
import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDeviceConfigSpecOperation;
import com.vmware.vim25.VirtualDeviceConnectInfo;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualEthernetCard;
import com.vmware.vim25.VirtualEthernetCardDistributedVirtualPortBackingInfo;
import com.vmware.vim25.VirtualEthernetCardNetworkBackingInfo;
import com.vmware.vim25.VirtualMachineCloneSpec;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.VirtualMachinePowerState;
import com.vmware.vim25.VirtualMachineQuickStats;
import com.vmware.vim25.VirtualMachineRelocateSpec;
import com.vmware.vim25.VirtualMachineSnapshotInfo;
import com.vmware.vim25.VirtualMachineSnapshotTree;
import com.vmware.vim25.VirtualVmxnet3;
import com.vmware.vim25.mo.ClusterComputeResource;
import com.vmware.vim25.mo.Datacenter;
import com.vmware.vim25.mo.Datastore;
import com.vmware.vim25.mo.DistributedVirtualPortgroup;
import com.vmware.vim25.mo.DistributedVirtualSwitch;
import com.vmware.vim25.mo.Folder;
import com.vmware.vim25.mo.HostSystem;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.ManagedEntity;
import com.vmware.vim25.mo.ManagedObject;
import com.vmware.vim25.mo.Network;
import com.vmware.vim25.mo.ResourcePool;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.VirtualMachine;
import com.vmware.vim25.mo.VirtualMachineSnapshot;
import com.vmware.vim25.mo.util.PropertyCollectorUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link VCenter} port on vijava 5.1 (SOAP, vim25 API 5.1): docs/vcenter.md. One shared session
 * ({@link VijavaSession}), trust per connection ({@link ConnectionTrust}), tasks polled until
 * {@code nettoria.vcenter.task-timeout}, faults mapped by {@link Faults}.
 * <p>
 * Objects are found by name within their datacenter: datastores and networks through the datacenter's own lists,
 * VMs, clusters, pools and folders by an inventory search from the datacenter. Several properties of a VM are read
 * with one property-collector call.
 */
public class VijavaVCenter implements VCenter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VijavaVCenter.class);

    private static final long KIB_PER_GIB = 1024L * 1024L;

    /** What {@link VmInfo} is made of, read in one call. */
    private static final String[] VM_PROPERTIES = {"name", "config.template", "config.instanceUuid",
            "config.hardware.numCPU", "config.hardware.memoryMB", "config.hardware.device", "config.annotation",
            "runtime.powerState", "guest.ipAddress", "guest.net", "guest.toolsRunningStatus", "summary.quickStats",
            "summary.config.vmPathName"};

    private final VijavaSession session;

    public VijavaVCenter(VCenterProperties properties) {
        if (properties == null || !properties.configured()) {
            throw new IllegalArgumentException("the vijava vCenter adapter needs nettoria.vcenter.url");
        }
        if (properties.username() == null || properties.username().isBlank()) {
            throw new IllegalArgumentException("nettoria.vcenter.url is set but nettoria.vcenter.username is not");
        }
        ConnectionTrust trust = ConnectionTrust.of(properties.trustStore(), properties.trustStorePassword(),
                properties.insecure());
        this.session = new VijavaSession(properties, trust);
        if (properties.insecure()) {
            log.warn("nettoria.vcenter.insecure=true: the connection to vCenter {} accepts ANY certificate and host "
                    + "name (this connection only; nothing JVM-wide changes). For a lab vCenter only: configure "
                    + "nettoria.vcenter.trust-store instead", session.url());
        } else {
            log.info("vCenter {}: trusting {}", session.url(), trust);
        }
    }

    @Override
    public Optional<VmInfo> findVm(String datacenter, String name) {
        return session.call("find VM " + name + " in " + datacenter, vc -> {
            VirtualMachine vm = vm(datacenter(vc, datacenter), name);
            if (vm == null) {
                return Optional.empty();
            }
            VmProperties vmProperties = VmProperties.of(vm);
            return vmProperties.template() ? Optional.<VmInfo>empty() : Optional.of(vmProperties.info());
        });
    }

    @Override
    public Optional<VmInfo> vmInfo(String datacenter, String name) {
        return findVm(datacenter, name);
    }

    @Override
    public VmInfo cloneFromTemplate(CloneSpec spec) {
        String what = "clone template " + spec.template() + " to VM " + spec.name() + " in " + spec.datacenter();
        return session.call(what, vc -> {
            Datacenter dc = datacenter(vc, spec.datacenter());
            VirtualMachine existing = vm(dc, spec.name());
            if (existing != null) {
                return alreadyCloned(what, existing, spec);
            }
            VirtualMachine template = vm(dc, spec.template());
            if (template == null || !VmProperties.of(template).template()) {
                throw new VCenterException(Kind.NOT_FOUND, what + ": there is no template " + spec.template()
                        + " in " + spec.datacenter());
            }
            ClusterComputeResource cluster = required(what, "cluster", spec.cluster(),
                    search(dc, "ClusterComputeResource", spec.cluster()));
            ResourcePool pool = blank(spec.resourcePool()) ? cluster.getResourcePool()
                    : required(what, "resource pool", spec.resourcePool(),
                    search(cluster, "ResourcePool", spec.resourcePool()));
            Folder folder = blank(spec.folder()) ? dc.getVmFolder()
                    : required(what, "folder", spec.folder(), search(dc.getVmFolder(), "Folder", spec.folder()));
            VirtualMachineRelocateSpec location = new VirtualMachineRelocateSpec();
            location.setPool(pool.getMOR());
            if (!blank(spec.datastore())) {
                location.setDatastore(required(what, "datastore", spec.datastore(),
                        byName(dc.getDatastores(), spec.datastore())).getMOR());
            }
            VirtualMachineCloneSpec clone = new VirtualMachineCloneSpec();
            clone.setLocation(location);
            clone.setPowerOn(false);
            clone.setTemplate(false);
            if (spec.annotation() != null) {
                VirtualMachineConfigSpec config = new VirtualMachineConfigSpec();
                config.setAnnotation(spec.annotation());
                clone.setConfig(config);
            }
            VirtualMachine created;
            try {
                TaskInfo done = session.await(template.cloneVM_Task(folder, spec.name(), clone), what);
                created = new VirtualMachine(vc.getServerConnection(), (ManagedObjectReference) done.getResult());
            } catch (Exception e) { // DuplicateName: from the call, or as the task's fault
                if (!(e instanceof DuplicateName) && !(e.getCause() instanceof DuplicateName)) {
                    throw e;
                }
                created = vm(dc, spec.name()); // cloned meanwhile by a repeated request
                if (created == null) {
                    throw e;
                }
            }
            VmProperties cloned = VmProperties.of(created);
            if (spec.annotation() != null && !spec.annotation().equals(cloned.annotation())) {
                VirtualMachineConfigSpec annotation = new VirtualMachineConfigSpec();
                annotation.setAnnotation(spec.annotation());
                session.await(created.reconfigVM_Task(annotation), what + " (annotation)");
            }
            log.info("Cloned {} to VM {} ({}) in {}", spec.template(), spec.name(), created.getMOR().get_value(),
                    spec.datacenter());
            return cloned.info();
        });
    }

    private static VmInfo alreadyCloned(String what, VirtualMachine existing, CloneSpec spec) throws Exception {
        VmProperties vmProperties = VmProperties.of(existing);
        if (vmProperties.template()) {
            throw new VCenterException(Kind.REJECTED, what + ": the name is taken by a template");
        }
        log.debug("VM {} in {} exists already: {} is done", spec.name(), spec.datacenter(), what);
        return vmProperties.info();
    }

    @Override
    public void reconfigure(String datacenter, String name, int vcpus, long memoryMib, long diskGib) {
        String what = "reconfigure VM " + name + " in " + datacenter + " to " + vcpus + " vCPU, " + memoryMib
                + " MiB, " + diskGib + " GiB";
        if (vcpus <= 0 || memoryMib <= 0 || diskGib <= 0) {
            throw new VCenterException(Kind.REJECTED, what + ": sizes must be positive");
        }
        session.call(what, vc -> {
            VirtualMachine vm = requiredVm(vc, what, datacenter, name);
            VmProperties current = VmProperties.of(vm);
            VirtualDisk disk = current.firstDisk().orElseThrow(() ->
                    new VCenterException(Kind.REJECTED, what + ": the VM has no virtual disk"));
            long wantedKib = diskGib * KIB_PER_GIB;
            if (wantedKib < disk.getCapacityInKB()) {
                throw new VCenterException(Kind.REJECTED, what + ": its disk has " + disk.getCapacityInKB() / KIB_PER_GIB
                        + " GiB and disks are never shrunk");
            }
            VirtualMachineConfigSpec change = new VirtualMachineConfigSpec();
            boolean changed = false;
            if (current.vcpus() != vcpus) {
                change.setNumCPUs(vcpus);
                changed = true;
            }
            if (current.memoryMib() != memoryMib) {
                change.setMemoryMB(memoryMib);
                changed = true;
            }
            if (wantedKib > disk.getCapacityInKB()) {
                disk.setCapacityInKB(wantedKib);
                change.setDeviceChange(new VirtualDeviceConfigSpec[]{edit(disk)});
                changed = true;
            }
            if (changed) {
                session.await(vm.reconfigVM_Task(change), what);
                log.info("Reconfigured VM {} in {}: {} vCPU, {} MiB, {} GiB", name, datacenter, vcpus, memoryMib, diskGib);
            }
            return null;
        });
    }

    @Override
    public void connectNetwork(String datacenter, String name, String network) {
        String what = "connect VM " + name + " in " + datacenter + " to network " + network;
        session.call(what, vc -> {
            Datacenter dc = datacenter(vc, datacenter);
            VirtualMachine vm = required(what, "VM", name, vm(dc, name));
            Network target = required(what, "network", network, byName(dc.getNetworks(), network));
            VirtualDeviceBackingInfo backing = backing(vc, target, network);
            VirtualEthernetCard card = VmProperties.of(vm).firstEthernetCard().orElse(null);
            VirtualDeviceConfigSpec device;
            if (card == null) {
                VirtualVmxnet3 added = new VirtualVmxnet3();
                added.setKey(-1);
                added.setBacking(backing);
                added.setConnectable(connected());
                added.setAddressType("generated");
                device = new VirtualDeviceConfigSpec();
                device.setOperation(VirtualDeviceConfigSpecOperation.add);
                device.setDevice(added);
            } else if (sameNetwork(card.getBacking(), backing)) {
                return null;
            } else {
                card.setBacking(backing);
                card.setConnectable(connected());
                device = edit(card);
            }
            VirtualMachineConfigSpec change = new VirtualMachineConfigSpec();
            change.setDeviceChange(new VirtualDeviceConfigSpec[]{device});
            session.await(vm.reconfigVM_Task(change), what);
            log.info("Connected VM {} in {} to network {}", name, datacenter, network);
            return null;
        });
    }

    @Override
    public void setGuestInfo(String datacenter, String name, Map<String, String> keys) {
        String what = "set advanced settings " + keys.keySet() + " of VM " + name + " in " + datacenter;
        session.call(what, vc -> {
            VirtualMachine vm = requiredVm(vc, what, datacenter, name);
            Map<String, Object> current = new HashMap<>();
            OptionValue[] present = vm.getConfig() == null ? null : vm.getConfig().getExtraConfig();
            for (OptionValue option : present == null ? new OptionValue[0] : present) {
                current.put(option.getKey(), option.getValue());
            }
            OptionValue[] changes = keys.entrySet().stream()
                    .filter(key -> !key.getValue().equals(current.get(key.getKey())))
                    .map(key -> {
                        OptionValue option = new OptionValue();
                        option.setKey(key.getKey());
                        option.setValue(key.getValue());
                        return option;
                    })
                    .toArray(OptionValue[]::new);
            if (changes.length > 0) {
                VirtualMachineConfigSpec change = new VirtualMachineConfigSpec();
                change.setExtraConfig(changes);
                session.await(vm.reconfigVM_Task(change), what);
                log.info("Set {} advanced settings of VM {} in {}", changes.length, name, datacenter);
            }
            return null;
        });
    }

    /** A standard port group's backing names the network; a distributed one the port group's key and switch. */
    private static VirtualDeviceBackingInfo backing(ServiceInstance vc, Network network, String name) {
        if (network instanceof DistributedVirtualPortgroup portgroup) {
            ManagedObjectReference switchRef = portgroup.getConfig().getDistributedVirtualSwitch();
            DistributedVirtualSwitchPortConnection port = new DistributedVirtualSwitchPortConnection();
            port.setPortgroupKey(portgroup.getKey());
            port.setSwitchUuid(new DistributedVirtualSwitch(vc.getServerConnection(), switchRef).getUuid());
            VirtualEthernetCardDistributedVirtualPortBackingInfo backing =
                    new VirtualEthernetCardDistributedVirtualPortBackingInfo();
            backing.setPort(port);
            return backing;
        }
        VirtualEthernetCardNetworkBackingInfo backing = new VirtualEthernetCardNetworkBackingInfo();
        backing.setDeviceName(name);
        backing.setNetwork(network.getMOR());
        return backing;
    }

    private static boolean sameNetwork(VirtualDeviceBackingInfo current, VirtualDeviceBackingInfo wanted) {
        if (current instanceof VirtualEthernetCardDistributedVirtualPortBackingInfo a
                && wanted instanceof VirtualEthernetCardDistributedVirtualPortBackingInfo b) {
            return a.getPort() != null && Objects.equals(a.getPort().getPortgroupKey(), b.getPort().getPortgroupKey())
                    && Objects.equals(a.getPort().getSwitchUuid(), b.getPort().getSwitchUuid());
        }
        if (current instanceof VirtualEthernetCardNetworkBackingInfo a
                && wanted instanceof VirtualEthernetCardNetworkBackingInfo b) {
            return a.getNetwork() != null ? a.getNetwork().get_value().equals(b.getNetwork().get_value())
                    : Objects.equals(a.getDeviceName(), b.getDeviceName());
        }
        return false;
    }

    private static VirtualDeviceConnectInfo connected() {
        VirtualDeviceConnectInfo connectable = new VirtualDeviceConnectInfo();
        connectable.setConnected(true);
        connectable.setStartConnected(true);
        connectable.setAllowGuestControl(true);
        return connectable;
    }

    @Override
    public void powerOn(String datacenter, String name) {
        String what = "power on VM " + name + " in " + datacenter;
        changePower(what, datacenter, name, VirtualMachinePowerState.poweredOn, vm -> vm.powerOnVM_Task(null));
    }

    @Override
    public void powerOff(String datacenter, String name) {
        String what = "power off VM " + name + " in " + datacenter;
        changePower(what, datacenter, name, VirtualMachinePowerState.poweredOff, VirtualMachine::powerOffVM_Task);
    }

    private interface PowerTask {
        Task start(VirtualMachine vm) throws Exception;
    }

    /** Starts the power task unless the VM is in {@code wanted} already; a race to the same state is no failure. */
    private void changePower(String what, String datacenter, String name, VirtualMachinePowerState wanted, PowerTask task) {
        session.call(what, vc -> {
            VirtualMachine vm = requiredVm(vc, what, datacenter, name);
            if (VmProperties.of(vm).powerState() == wanted) {
                return null;
            }
            try {
                session.await(task.start(vm), what);
            } catch (VCenterException | InvalidState e) {
                Throwable fault = e instanceof VCenterException ? e.getCause() : e;
                if (!(fault instanceof InvalidPowerState) || VmProperties.of(vm).powerState() != wanted) {
                    throw e;
                }
            }
            log.info("VM {} in {} is {}", name, datacenter, wanted);
            return null;
        });
    }

    @Override
    public boolean shutdownGuest(String datacenter, String name, Duration grace) {
        String what = "shut down the guest of VM " + name + " in " + datacenter;
        return session.call(what, vc -> {
            VirtualMachine vm = requiredVm(vc, what, datacenter, name);
            VmProperties current = VmProperties.of(vm);
            if (current.powerState() == VirtualMachinePowerState.poweredOff) {
                return true;
            }
            if (current.powerState() != VirtualMachinePowerState.poweredOn || !current.toolsRunning()) {
                return false; // suspended, or no VMware Tools to ask: the caller may power off
            }
            try {
                vm.shutdownGuest();
            } catch (ToolsUnavailable e) {
                return false;
            } catch (InvalidState e) {
                return VmProperties.of(vm).powerState() == VirtualMachinePowerState.poweredOff;
            }
            long deadline = System.nanoTime() + grace.toNanos();
            while (true) {
                if (VmProperties.of(vm).powerState() == VirtualMachinePowerState.poweredOff) {
                    log.info("The guest of VM {} in {} shut down", name, datacenter);
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                session.pause(Math.min(left, session.pollInterval().toNanos()));
            }
        });
    }

    @Override
    public void reset(String datacenter, String name) {
        String what = "reset VM " + name + " in " + datacenter;
        session.call(what, vc -> {
            session.await(requiredVm(vc, what, datacenter, name).resetVM_Task(), what);
            log.info("Reset VM {} in {}", name, datacenter);
            return null;
        });
    }

    @Override
    public void destroy(String datacenter, String name) {
        String what = "destroy VM " + name + " in " + datacenter;
        session.call(what, vc -> {
            VirtualMachine vm = vm(datacenter(vc, datacenter), name);
            if (vm == null) {
                return null;
            }
            VmProperties current = VmProperties.of(vm);
            if (current.template()) {
                throw new VCenterException(Kind.REJECTED, what + ": it is a template");
            }
            try {
                if (current.powerState() != VirtualMachinePowerState.poweredOff) {
                    session.await(vm.powerOffVM_Task(), what + " (power off)");
                }
                session.await(vm.destroy_Task(), what);
            } catch (VCenterException e) {
                if (!(e.getCause() instanceof ManagedObjectNotFound)) {
                    throw e;
                }
                return null; // destroyed meanwhile
            }
            log.info("Destroyed VM {} in {}", name, datacenter);
            return null;
        });
    }

    @Override
    public Optional<String> guestIpAddress(String datacenter, String name) {
        String what = "read the guest IP of VM " + name + " in " + datacenter;
        return session.call(what, vc -> VmProperties.of(requiredVm(vc, what, datacenter, name)).ipv4());
    }

    @Override
    public String createSnapshot(String datacenter, String name, String snapshotName, String description) {
        String what = "snapshot VM " + name + " in " + datacenter + " as " + snapshotName;
        return session.call(what, vc -> {
            VirtualMachine vm = requiredVm(vc, what, datacenter, name);
            Optional<ManagedObjectReference> existing = snapshot(vm, snapshotName);
            if (existing.isPresent()) {
                return existing.get().get_value(); // taken by an earlier, repeated request
            }
            TaskInfo done = session.await(vm.createSnapshot_Task(snapshotName, description, false, false), what);
            String id = ((ManagedObjectReference) done.getResult()).get_value();
            log.info("Snapshot {} ({}) of VM {} in {} taken", snapshotName, id, name, datacenter);
            return id;
        });
    }

    @Override
    public void revertToSnapshot(String datacenter, String name, String snapshotName) {
        String what = "revert VM " + name + " in " + datacenter + " to snapshot " + snapshotName;
        session.call(what, vc -> {
            VirtualMachine vm = requiredVm(vc, what, datacenter, name);
            ManagedObjectReference snapshot = snapshot(vm, snapshotName).orElseThrow(() ->
                    new VCenterException(Kind.NOT_FOUND, what + ": the VM has no snapshot " + snapshotName));
            session.await(new VirtualMachineSnapshot(vc.getServerConnection(), snapshot).revertToSnapshot_Task(null), what);
            log.info("Reverted VM {} in {} to snapshot {}", name, datacenter, snapshotName);
            return null;
        });
    }

    @Override
    public void removeSnapshot(String datacenter, String name, String snapshotName) {
        String what = "remove snapshot " + snapshotName + " of VM " + name + " in " + datacenter;
        session.call(what, vc -> {
            VirtualMachine vm = requiredVm(vc, what, datacenter, name);
            Optional<ManagedObjectReference> snapshot = snapshot(vm, snapshotName);
            if (snapshot.isPresent()) {
                session.await(new VirtualMachineSnapshot(vc.getServerConnection(), snapshot.get())
                        .removeSnapshot_Task(false), what);
                log.info("Removed snapshot {} of VM {} in {}", snapshotName, name, datacenter);
            }
            return null;
        });
    }

    private static Optional<ManagedObjectReference> snapshot(VirtualMachine vm, String snapshotName) {
        VirtualMachineSnapshotInfo info = vm.getSnapshot();
        return info == null ? Optional.empty() : snapshot(info.getRootSnapshotList(), snapshotName);
    }

    private static Optional<ManagedObjectReference> snapshot(VirtualMachineSnapshotTree[] trees, String snapshotName) {
        if (trees == null) {
            return Optional.empty();
        }
        for (VirtualMachineSnapshotTree tree : trees) {
            if (snapshotName.equals(tree.getName())) {
                return Optional.of(tree.getSnapshot());
            }
            Optional<ManagedObjectReference> child = snapshot(tree.getChildSnapshotList(), snapshotName);
            if (child.isPresent()) {
                return child;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<VmInfo> listVms(String datacenter, String namePrefix) {
        String what = "list the VMs named " + namePrefix + "* in " + datacenter;
        return session.call(what, vc -> {
            ManagedEntity[] found = new InventoryNavigator(datacenter(vc, datacenter)).searchManagedEntities("VirtualMachine");
            if (found == null || found.length == 0) {
                return List.of();
            }
            Hashtable<?, ?>[] all = PropertyCollectorUtil.retrieveProperties(found, "VirtualMachine", VM_PROPERTIES);
            List<VmInfo> vms = new ArrayList<>();
            for (int i = 0; i < found.length; i++) {
                VmProperties vm = new VmProperties(found[i].getMOR(), all[i]);
                if (!vm.template() && vm.name() != null && vm.name().startsWith(namePrefix)) {
                    vms.add(vm.info());
                }
            }
            vms.sort(Comparator.comparing(VmInfo::name));
            return List.copyOf(vms);
        });
    }

    @Override
    public Capacity capacity(String datacenter, String clusterName) {
        String what = "read the capacity of cluster " + clusterName + " in " + datacenter;
        return session.call(what, vc -> {
            Datacenter dc = datacenter(vc, datacenter);
            ClusterComputeResource cluster = required(what, "cluster", clusterName,
                    search(dc, "ClusterComputeResource", clusterName));
            ComputeResourceSummary summary = cluster.getSummary();
            long cpuUsed = 0;
            long memoryUsedMib = 0;
            HostSystem[] hosts = cluster.getHosts();
            if (hosts != null && hosts.length > 0) {
                for (Hashtable<?, ?> host : PropertyCollectorUtil.retrieveProperties(hosts, "HostSystem",
                        new String[]{"summary.quickStats"})) {
                    if (value(host, "summary.quickStats") instanceof HostListSummaryQuickStats stats) {
                        cpuUsed += orZero(stats.getOverallCpuUsage());
                        memoryUsedMib += orZero(stats.getOverallMemoryUsage());
                    }
                }
            }
            Datastore[] datastores = cluster.getDatastores();
            if (datastores == null || datastores.length == 0) {
                datastores = dc.getDatastores();
            }
            List<DatastoreSpace> spaces = new ArrayList<>();
            if (datastores != null && datastores.length > 0) {
                for (Hashtable<?, ?> datastore : PropertyCollectorUtil.retrieveProperties(datastores, "Datastore",
                        new String[]{"summary"})) {
                    if (value(datastore, "summary") instanceof DatastoreSummary space) {
                        spaces.add(new DatastoreSpace(space.getName(), space.getCapacity() >> 30, space.getFreeSpace() >> 30));
                    }
                }
            }
            spaces.sort(Comparator.comparing(DatastoreSpace::name));
            return new Capacity(clusterName, summary.getNumHosts(), summary.getNumCpuCores(), summary.getTotalCpu(),
                    summary.getEffectiveCpu(), cpuUsed, summary.getTotalMemory() >> 20, summary.getEffectiveMemory(),
                    memoryUsedMib, List.copyOf(spaces));
        });
    }

    @Override
    public boolean templateExists(String datacenter, String template) {
        return session.call("look for template " + template + " in " + datacenter, vc -> {
            VirtualMachine vm = vm(datacenter(vc, datacenter), template);
            return vm != null && VmProperties.of(vm).template();
        });
    }

    @Override
    public String about() {
        return session.call("ask vCenter who it is", vc -> {
            requireSession(vc); // proves the credentials still work
            AboutInfo about = vc.getAboutInfo();
            return about.getFullName() + " (API " + about.getApiVersion() + ")";
        });
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "VijavaVCenter[" + session.url() + "]";
    }

    // ---- finding things by name

    private static Datacenter datacenter(ServiceInstance vc, String name) throws Exception {
        ManagedEntity found = new InventoryNavigator(vc.getRootFolder()).searchManagedEntity("Datacenter", name);
        if (!(found instanceof Datacenter dc)) {
            throw new VCenterException(Kind.NOT_FOUND, "there is no datacenter " + name + " in vCenter");
        }
        return dc;
    }

    /** Fails as NotAuthenticated when vCenter no longer knows the session (its current session reads as none). */
    static void requireSession(ServiceInstance vc) throws NotAuthenticated {
        if (vc.getSessionManager().getCurrentSession() == null) {
            throw new NotAuthenticated();
        }
    }

    /** The VM or template of that name in the datacenter, or null. */
    private static VirtualMachine vm(Datacenter dc, String name) throws Exception {
        return (VirtualMachine) search(dc, "VirtualMachine", name);
    }

    private static VirtualMachine requiredVm(ServiceInstance vc, String what, String datacenter, String name)
            throws Exception {
        VirtualMachine vm = vm(datacenter(vc, datacenter), name);
        if (vm == null || VmProperties.of(vm).template()) {
            throw new VCenterException(Kind.NOT_FOUND, what + ": there is no VM " + name + " in " + datacenter);
        }
        return vm;
    }

    @SuppressWarnings("unchecked")
    private static <T extends ManagedEntity> T search(ManagedEntity root, String type, String name) throws Exception {
        return (T) new InventoryNavigator(root).searchManagedEntity(type, name);
    }

    private static <T> T required(String what, String kind, String name, T found) {
        if (found == null) {
            throw new VCenterException(Kind.NOT_FOUND, what + ": there is no " + kind + " " + name);
        }
        return found;
    }

    /** The object named {@code name} among {@code objects}, reading all names in one call per object type. */
    private static <T extends ManagedObject> T byName(T[] objects, String name) throws Exception {
        if (objects == null || objects.length == 0) {
            return null;
        }
        Map<String, List<T>> byType = new LinkedHashMap<>();
        for (T object : objects) {
            byType.computeIfAbsent(object.getMOR().getType(), t -> new ArrayList<>()).add(object);
        }
        for (Map.Entry<String, List<T>> group : byType.entrySet()) {
            ManagedObject[] ofType = group.getValue().toArray(new ManagedObject[0]);
            Hashtable<?, ?>[] names = PropertyCollectorUtil.retrieveProperties(ofType, group.getKey(), new String[]{"name"});
            for (int i = 0; i < ofType.length; i++) {
                if (name.equals(value(names[i], "name"))) {
                    return group.getValue().get(i);
                }
            }
        }
        return null;
    }

    private static VirtualDeviceConfigSpec edit(VirtualDevice device) {
        VirtualDeviceConfigSpec edit = new VirtualDeviceConfigSpec();
        edit.setOperation(VirtualDeviceConfigSpecOperation.edit);
        edit.setDevice(device);
        return edit;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static long orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Object value(Hashtable<?, ?> properties, String name) {
        Object value = properties == null ? null : properties.get(name);
        return value == PropertyCollectorUtil.NULL ? null : value;
    }

    /** A VM's properties as read in one call, and the {@link VmInfo} made of them. */
    private record VmProperties(ManagedObjectReference ref, Hashtable<?, ?> values) {

        static VmProperties of(VirtualMachine vm) throws Exception {
            Hashtable<?, ?>[] read = PropertyCollectorUtil.retrieveProperties(new ManagedObject[]{vm}, "VirtualMachine",
                    VM_PROPERTIES);
            return new VmProperties(vm.getMOR(), read.length == 0 ? new Hashtable<>() : read[0]);
        }

        String name() {
            return (String) value(values, "name");
        }

        boolean template() {
            return Boolean.TRUE.equals(value(values, "config.template"));
        }

        String annotation() {
            return (String) value(values, "config.annotation");
        }

        int vcpus() {
            return value(values, "config.hardware.numCPU") instanceof Integer n ? n : 0;
        }

        long memoryMib() {
            return value(values, "config.hardware.memoryMB") instanceof Integer n ? n : 0;
        }

        VirtualMachinePowerState powerState() {
            return (VirtualMachinePowerState) value(values, "runtime.powerState");
        }

        boolean toolsRunning() {
            return "guestToolsRunning".equals(value(values, "guest.toolsRunningStatus"));
        }

        List<VirtualDevice> devices() {
            return value(values, "config.hardware.device") instanceof VirtualDevice[] devices
                    ? Arrays.asList(devices) : List.of();
        }

        Optional<VirtualDisk> firstDisk() {
            return first(VirtualDisk.class);
        }

        Optional<VirtualEthernetCard> firstEthernetCard() {
            return first(VirtualEthernetCard.class);
        }

        private <D extends VirtualDevice> Optional<D> first(Class<D> type) {
            return devices().stream().filter(type::isInstance).map(type::cast)
                    .min(Comparator.comparingInt(VirtualDevice::getKey));
        }

        Optional<String> ipv4() {
            Object address = value(values, "guest.ipAddress");
            if (address instanceof String ip && isIpv4(ip)) {
                return Optional.of(ip);
            }
            if (value(values, "guest.net") instanceof GuestNicInfo[] nics) {
                for (GuestNicInfo nic : nics) {
                    for (String ip : nic.getIpAddress() == null ? new String[0] : nic.getIpAddress()) {
                        if (isIpv4(ip)) {
                            return Optional.of(ip);
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private static boolean isIpv4(String address) {
            return address != null && address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        }

        /** "[LocalDS_0] web-1/web-1.vmx" -> "LocalDS_0" */
        String datastore() {
            Object path = value(values, "summary.config.vmPathName");
            if (path instanceof String p && p.startsWith("[") && p.indexOf(']') > 0) {
                return p.substring(1, p.indexOf(']'));
            }
            return null;
        }

        VmInfo info() {
            VirtualMachineQuickStats stats = value(values, "summary.quickStats") instanceof VirtualMachineQuickStats q
                    ? q : new VirtualMachineQuickStats();
            VirtualMachinePowerState power = powerState();
            return new VmInfo(name(), ref.get_value(), (String) value(values, "config.instanceUuid"),
                    power == null ? PowerState.POWERED_OFF : switch (power) {
                        case poweredOn -> PowerState.POWERED_ON;
                        case suspended -> PowerState.SUSPENDED;
                        case poweredOff -> PowerState.POWERED_OFF;
                    },
                    vcpus(), memoryMib(), firstDisk().map(d -> d.getCapacityInKB() / KIB_PER_GIB).orElse(0L),
                    ipv4().orElse(null), (int) orZero(stats.getOverallCpuUsage()), orZero(stats.getGuestMemoryUsage()),
                    orZero(stats.getUptimeSeconds()), datastore());
        }
    }
}
