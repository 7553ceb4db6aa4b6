package com.nettoria.command.vcenter;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static com.nettoria.command.vcenter.VCenterException.Kind.NOT_FOUND;
import static com.nettoria.command.vcenter.VCenterException.Kind.REJECTED;

/**
 * An in-memory vCenter for tests of everything that talks to the {@link VCenter} port (the provisioning saga, the
 * VM operations worker). It keeps VMs with their power state, size, network, advanced settings and snapshots, templates, clusters
 * with their datastores, and behaves like the port promises: powering on a running VM, destroying a VM that is
 * gone or removing a missing snapshot succeed quietly; a missing VM, template or cluster is
 * {@link VCenterException.Kind#NOT_FOUND}; shrinking a disk or resetting a powered-off VM is
 * {@link VCenterException.Kind#REJECTED}.
 *
 * <p>Set it up with {@code withTemplate}, {@code withCluster} and {@code withVm}; steer the guests with
 * {@link #guestIgnoresShutdown} and {@link #reportGuestIp}; make the next calls of a method fail with
 * {@link #failNext} (before the call has any effect) or {@link #failNextAfterEffect} (the task ran, but the
 * answer was lost, as with a timeout). Every call is recorded, failed or not ({@link #calls()}), so tests can
 * count attempts. Capacity is what was configured: clones do not use up datastore space.
 *
 * <p>Thread-safe, so it can stand behind asynchronous event processors too.
 */
public class FakeVCenter implements VCenter {

    /** One call of the port: the method's name, the datacenter and VM name it addressed, and its other arguments. */
    public record Call(String method, String datacenter, String name, List<Object> arguments) {
    }

    /** vCPUs, memory and disk of a template (and so of a fresh clone), unless given. */
    public static final int TEMPLATE_VCPUS = 1;
    public static final long TEMPLATE_MEMORY_MIB = 1024;
    public static final long TEMPLATE_DISK_GIB = 10;

    private static final Set<String> METHODS = Arrays.stream(VCenter.class.getDeclaredMethods())
            .map(java.lang.reflect.Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final Map<Key, Vm> vms = new LinkedHashMap<>();
    private final Map<Key, Template> templates = new HashMap<>();
    private final Map<Key, List<DatastoreSpace>> clusters = new HashMap<>();
    private final Set<Key> uncooperativeGuests = new HashSet<>();
    private final Map<Key, GuestIp> guestIps = new HashMap<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private int nextMoRef = 1001;
    private int nextSnapshot = 1;

    // ---------------------------------------------------------------- setting up

    /** A template of {@link #TEMPLATE_DISK_GIB} GiB in the datacenter. */
    public synchronized FakeVCenter withTemplate(String datacenter, String template) {
        return withTemplate(datacenter, template, TEMPLATE_DISK_GIB);
    }

    public synchronized FakeVCenter withTemplate(String datacenter, String template, long diskGib) {
        templates.put(new Key(datacenter, template), new Template(diskGib));
        return this;
    }

    /** A cluster VMs can be placed in, with the datastores it can place them on. */
    public synchronized FakeVCenter withCluster(String datacenter, String cluster, DatastoreSpace... datastores) {
        clusters.put(new Key(datacenter, cluster), List.of(datastores));
        return this;
    }

    /** A VM that exists already (left by an earlier attempt, or created behind the platform's back). */
    public synchronized FakeVCenter withVm(String datacenter, String name, PowerState state) {
        String moRef = "vm-" + nextMoRef++;
        Vm vm = new Vm(name, moRef, instanceUuid(datacenter, moRef), TEMPLATE_VCPUS,
                TEMPLATE_MEMORY_MIB, TEMPLATE_DISK_GIB, "ds-existing");
        vm.power = state;
        vms.put(new Key(datacenter, name), vm);
        return this;
    }

    /** The guest of this VM (now or once it exists) has no working tools: it never shuts down when asked. */
    public synchronized FakeVCenter guestIgnoresShutdown(String datacenter, String name) {
        uncooperativeGuests.add(new Key(datacenter, name));
        return this;
    }

    /** The guest of this VM (now or once it exists) reports {@code ip} whenever it is asked while powered on. */
    public synchronized FakeVCenter reportGuestIp(String datacenter, String name, String ip) {
        return reportGuestIpAfter(datacenter, name, ip, 0);
    }

    /**
     * The guest of this VM reports {@code ip} once it has been asked {@code unansweredPolls} times while powered on
     * without an answer (a guest still booting).
     */
    public synchronized FakeVCenter reportGuestIpAfter(String datacenter, String name, String ip,
                                                       int unansweredPolls) {
        guestIps.put(new Key(datacenter, name), new GuestIp(ip, unansweredPolls));
        return this;
    }

    /** The guest of this VM stops reporting an IP address. */
    public synchronized FakeVCenter guestReportsNoIp(String datacenter, String name) {
        guestIps.remove(new Key(datacenter, name));
        return this;
    }

    /**
     * The next {@code times} calls of {@code method} (a method name of {@link VCenter}, e.g. {@code "powerOn"})
     * fail with {@code kind} before they have any effect. Failures queue up behind earlier ones for that method.
     */
    public synchronized FakeVCenter failNext(String method, VCenterException.Kind kind, int times) {
        return queueFailure(method, kind, times, false);
    }

    /**
     * The next {@code times} calls of {@code method} do what they should, then fail with {@code kind} anyway: the
     * caller cannot tell whether the task ran (a timeout), and finds out when it repeats the call.
     */
    public synchronized FakeVCenter failNextAfterEffect(String method, VCenterException.Kind kind, int times) {
        return queueFailure(method, kind, times, true);
    }

    // ---------------------------------------------------------------- looking at it

    /** Every call so far, in order, including those that failed. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one method, in order. */
    public synchronized List<Call> callsTo(String method) {
        requireMethod(method);
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** The names of the methods called, in order (e.g. {@code [shutdownGuest, powerOff]}). */
    public synchronized List<String> methodsCalled() {
        return calls.stream().map(Call::method).toList();
    }

    public synchronized boolean exists(String datacenter, String name) {
        return vms.containsKey(new Key(datacenter, name));
    }

    /** The VM's power state; fails the test when there is no such VM. */
    public synchronized PowerState powerState(String datacenter, String name) {
        return existing(datacenter, name).power;
    }

    /** The network the VM's adapter is connected to, or {@code null} when it has none. */
    public synchronized String networkOf(String datacenter, String name) {
        return existing(datacenter, name).network;
    }

    /** The VM's advanced settings (extraConfig) set through {@link #setGuestInfo}. */
    public synchronized Map<String, String> extraConfigOf(String datacenter, String name) {
        return Map.copyOf(existing(datacenter, name).extraConfig);
    }

    /** The VM's snapshot names, oldest first. */
    public synchronized List<String> snapshotsOf(String datacenter, String name) {
        return List.copyOf(existing(datacenter, name).snapshots.keySet());
    }

    // ---------------------------------------------------------------- the port

    @Override
    public Optional<VmInfo> findVm(String datacenter, String name) {
        return perform("findVm", datacenter, name, List.of(), () -> Optional.ofNullable(vm(datacenter, name))
                .map(vm -> vm.info(guestIp(datacenter, vm, false))));
    }

    @Override
    public VmInfo cloneFromTemplate(CloneSpec spec) {
        return perform("cloneFromTemplate", spec.datacenter(), spec.name(), List.of(spec), () -> {
            Template template = templates.get(new Key(spec.datacenter(), spec.template()));
            if (template == null) {
                throw new VCenterException(NOT_FOUND, "no template " + spec.template() + " in datacenter "
                        + spec.datacenter());
            }
            List<DatastoreSpace> datastores = clusters.get(new Key(spec.datacenter(), spec.cluster()));
            if (datastores == null) {
                throw new VCenterException(NOT_FOUND, "no cluster " + spec.cluster() + " in datacenter "
                        + spec.datacenter());
            }
            if (datastores.stream().noneMatch(ds -> ds.name().equals(spec.datastore()))) {
                throw new VCenterException(NOT_FOUND, "cluster " + spec.cluster() + " has no datastore "
                        + spec.datastore());
            }
            if (vm(spec.datacenter(), spec.name()) != null) {
                throw new VCenterException(REJECTED, "a VM named " + spec.name() + " already exists");
            }
            String moRef = "vm-" + nextMoRef++;
            Vm vm = new Vm(spec.name(), moRef, instanceUuid(spec.datacenter(), moRef),
                    TEMPLATE_VCPUS, TEMPLATE_MEMORY_MIB, template.diskGib(), spec.datastore());
            vms.put(new Key(spec.datacenter(), spec.name()), vm);
            return vm.info(null);
        });
    }

    @Override
    public void reconfigure(String datacenter, String name, int vcpus, long memoryMib, long diskGib) {
        perform("reconfigure", datacenter, name, List.of(vcpus, memoryMib, diskGib), () -> {
            Vm vm = required(datacenter, name);
            if (diskGib < vm.diskGib) {
                throw new VCenterException(REJECTED, "the disk of " + name + " has " + vm.diskGib
                        + " GiB and cannot shrink to " + diskGib + " GiB");
            }
            vm.vcpus = vcpus;
            vm.memoryMib = memoryMib;
            vm.diskGib = diskGib;
            return null;
        });
    }

    @Override
    public void connectNetwork(String datacenter, String name, String network) {
        perform("connectNetwork", datacenter, name, List.of(network), () -> {
            required(datacenter, name).network = network;
            return null;
        });
    }

    @Override
    public void setGuestInfo(String datacenter, String name, Map<String, String> keys) {
        perform("setGuestInfo", datacenter, name, List.of(Map.copyOf(keys)), () -> {
            required(datacenter, name).extraConfig.putAll(keys);
            return null;
        });
    }

    @Override
    public void powerOn(String datacenter, String name) {
        perform("powerOn", datacenter, name, List.of(), () -> {
            required(datacenter, name).power = PowerState.POWERED_ON;
            return null;
        });
    }

    @Override
    public void powerOff(String datacenter, String name) {
        perform("powerOff", datacenter, name, List.of(), () -> {
            required(datacenter, name).power = PowerState.POWERED_OFF;
            return null;
        });
    }

    @Override
    public boolean shutdownGuest(String datacenter, String name, Duration grace) {
        return perform("shutdownGuest", datacenter, name, List.of(grace), () -> {
            Vm vm = required(datacenter, name);
            if (vm.power == PowerState.POWERED_OFF) {
                return true;
            }
            if (uncooperativeGuests.contains(new Key(datacenter, name))) {
                return false;
            }
            vm.power = PowerState.POWERED_OFF;
            return true;
        });
    }

    @Override
    public void reset(String datacenter, String name) {
        perform("reset", datacenter, name, List.of(), () -> {
            Vm vm = required(datacenter, name);
            if (vm.power != PowerState.POWERED_ON) {
                throw new VCenterException(REJECTED, name + " is " + vm.power + " and cannot be reset");
            }
            return null;
        });
    }

    @Override
    public void destroy(String datacenter, String name) {
        perform("destroy", datacenter, name, List.of(), () -> vms.remove(new Key(datacenter, name)));
    }

    @Override
    public Optional<String> guestIpAddress(String datacenter, String name) {
        return perform("guestIpAddress", datacenter, name, List.of(),
                () -> Optional.ofNullable(guestIp(datacenter, required(datacenter, name), true)));
    }

    @Override
    public String createSnapshot(String datacenter, String name, String snapshotName, String description) {
        return perform("createSnapshot", datacenter, name, List.of(snapshotName, description), () -> {
            // a snapshot of that name already (a repeated step) is answered, as the port promises
            return required(datacenter, name).snapshots.computeIfAbsent(snapshotName,
                    snapshot -> "snapshot-" + nextSnapshot++);
        });
    }

    @Override
    public void revertToSnapshot(String datacenter, String name, String snapshotName) {
        perform("revertToSnapshot", datacenter, name, List.of(snapshotName), () -> {
            if (!required(datacenter, name).snapshots.containsKey(snapshotName)) {
                throw new VCenterException(NOT_FOUND, name + " has no snapshot " + snapshotName);
            }
            return null;
        });
    }

    @Override
    public void removeSnapshot(String datacenter, String name, String snapshotName) {
        perform("removeSnapshot", datacenter, name, List.of(snapshotName),
                () -> required(datacenter, name).snapshots.remove(snapshotName));
    }

    @Override
    public Optional<VmInfo> vmInfo(String datacenter, String name) {
        return perform("vmInfo", datacenter, name, List.of(), () -> Optional.ofNullable(vm(datacenter, name))
                .map(vm -> vm.info(guestIp(datacenter, vm, false))));
    }

    @Override
    public List<VmInfo> listVms(String datacenter, String namePrefix) {
        return perform("listVms", datacenter, null, List.of(namePrefix), () -> vms.entrySet().stream()
                .filter(entry -> entry.getKey().datacenter().equals(datacenter))
                .filter(entry -> entry.getKey().name().startsWith(namePrefix))
                .map(entry -> entry.getValue().info(guestIp(datacenter, entry.getValue(), false)))
                .toList());
    }

    @Override
    public Capacity capacity(String datacenter, String cluster) {
        return perform("capacity", datacenter, cluster, List.of(), () -> {
            List<DatastoreSpace> datastores = clusters.get(new Key(datacenter, cluster));
            if (datastores == null) {
                throw new VCenterException(NOT_FOUND, "no cluster " + cluster + " in datacenter " + datacenter);
            }
            return new Capacity(cluster, 2, 32, 64_000, 60_000, 12_000, 262_144, 250_000, 65_536, datastores);
        });
    }

    @Override
    public boolean templateExists(String datacenter, String template) {
        return perform("templateExists", datacenter, template, List.of(),
                () -> templates.containsKey(new Key(datacenter, template)));
    }

    @Override
    public String about() {
        return perform("about", null, null, List.of(), () -> "VMware vCenter Server 8.0.2 (fake), API 8.0.2.0");
    }

    // ---------------------------------------------------------------- inside

    private synchronized <T> T perform(String method, String datacenter, String name, List<Object> arguments,
                                       Supplier<T> effect) {
        calls.add(new Call(method, datacenter, name, arguments));
        Failure failure = takeFailure(method);
        if (failure != null && !failure.afterEffect()) {
            throw failure.exception(method, name);
        }
        T result = effect.get();
        if (failure != null) {
            throw failure.exception(method, name);
        }
        return result;
    }

    private FakeVCenter queueFailure(String method, VCenterException.Kind kind, int times, boolean afterEffect) {
        requireMethod(method);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        Deque<Failure> queue = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Failure(kind, afterEffect));
        }
        return this;
    }

    private Failure takeFailure(String method) {
        Deque<Failure> queue = failures.get(method);
        return queue == null ? null : queue.poll();
    }

    private static void requireMethod(String method) {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("VCenter has no method " + method + "; it has " + METHODS);
        }
    }

    private Vm vm(String datacenter, String name) {
        return vms.get(new Key(datacenter, name));
    }

    private Vm required(String datacenter, String name) {
        Vm vm = vm(datacenter, name);
        if (vm == null) {
            throw new VCenterException(NOT_FOUND, "no VM " + name + " in datacenter " + datacenter);
        }
        return vm;
    }

    private Vm existing(String datacenter, String name) {
        Vm vm = vm(datacenter, name);
        if (vm == null) {
            throw new AssertionError("the fake vCenter holds no VM " + name + " in datacenter " + datacenter
                    + "; it holds " + vms.keySet());
        }
        return vm;
    }

    /** The guest's IP if it reports one now; a poll ({@code counting}) uses up one of its unanswered polls. */
    private String guestIp(String datacenter, Vm vm, boolean counting) {
        GuestIp ip = guestIps.get(new Key(datacenter, vm.name));
        if (ip == null || vm.power != PowerState.POWERED_ON) {
            return null;
        }
        if (vm.ipPolls < ip.unansweredPolls()) {
            if (counting) {
                vm.ipPolls++;
            }
            return null;
        }
        return ip.ip();
    }

    /** Like vCenter's, one per VM object: a VM cloned again under the same name has another. */
    private static String instanceUuid(String datacenter, String moRef) {
        return UUID.nameUUIDFromBytes((datacenter + "/" + moRef).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private record Key(String datacenter, String name) {
    }

    private record Template(long diskGib) {
    }

    private record GuestIp(String ip, int unansweredPolls) {
    }

    private record Failure(VCenterException.Kind kind, boolean afterEffect) {
        VCenterException exception(String method, String name) {
            return new VCenterException(kind, "injected " + kind + " failure of " + method
                    + (name == null ? "" : " for " + name) + (afterEffect ? " after it took effect" : ""));
        }
    }

    private static final class Vm {
        final String name;
        final String moRef;
        final String instanceUuid;
        final String datastore;
        final Map<String, String> snapshots = new LinkedHashMap<>();
        final Map<String, String> extraConfig = new LinkedHashMap<>();
        PowerState power = PowerState.POWERED_OFF;
        int vcpus;
        long memoryMib;
        long diskGib;
        String network;
        int ipPolls;

        Vm(String name, String moRef, String instanceUuid, int vcpus, long memoryMib, long diskGib,
           String datastore) {
            this.name = name;
            this.moRef = moRef;
            this.instanceUuid = instanceUuid;
            this.vcpus = vcpus;
            this.memoryMib = memoryMib;
            this.diskGib = diskGib;
            this.datastore = datastore;
        }

        VmInfo info(String ipAddress) {
            boolean on = power == PowerState.POWERED_ON;
            return new VmInfo(name, moRef, instanceUuid, power, vcpus, memoryMib, diskGib, ipAddress,
                    on ? 250 : 0, on ? memoryMib / 4 : 0, on ? 3600 : 0, datastore);
        }
    }
}
