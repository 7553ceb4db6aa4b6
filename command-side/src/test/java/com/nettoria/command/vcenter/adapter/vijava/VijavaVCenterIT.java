package com.nettoria.command.vcenter.adapter.vijava;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenter.CloneSpec;
import com.nettoria.command.vcenter.VCenter.PowerState;
import com.nettoria.command.vcenter.VCenter.VmInfo;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.command.vcenter.VCenterException.Kind;
import com.nettoria.command.vcenter.adapter.VCenterHealthIndicator;
import com.nettoria.command.vcenter.adapter.VCenterProperties;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDeviceConfigSpecOperation;
import com.vmware.vim25.VirtualEthernetCard;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.mo.Network;
import com.vmware.vim25.mo.VirtualMachine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The vijava adapter against VMware's vCenter simulator (govmomi's vcsim, started by {@link VcenterSimulator} with
 * the launcher that answers vijava like a real vCenter answers an API 5.1 client). One simulator serves most tests;
 * the ones that need it stopped, slow or full start their own. Each test works on VMs of its own names.
 */
class VijavaVCenterIT {

    private static final String DC = "DC0";
    private static final String CLUSTER = "DC0_C0";
    private static final String DATASTORE = "LocalDS_0";
    private static final Duration GUEST_IP_DELAY = Duration.ofSeconds(1);
    private static final AtomicInteger names = new AtomicInteger();

    private static VcenterSimulator vcsim;
    private static VijavaVCenter vcenter;

    @BeforeAll
    static void startTheSimulator() throws IOException {
        vcsim = VcenterSimulator.start(workDir("shared"), VcenterSimulator.Options.defaults()
                .withGuestIpDelay(GUEST_IP_DELAY));
        vcenter = new VijavaVCenter(properties(vcsim));
    }

    @AfterAll
    static void stopTheSimulator() {
        if (vcenter != null) {
            vcenter.close();
        }
        if (vcsim != null) {
            vcsim.close();
        }
    }

    @Test
    void aboutSaysItIsAVCenterAndWhichApiItServes() {
        assertThat(vcenter.about()).startsWith("VMware vCenter Server").endsWith("(API 6.5)");
    }

    @Test
    void theHealthIndicatorIsUpWithTheApiVersion() {
        Health health = new VCenterHealthIndicator(vcenter).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("apiVersion", "6.5");
    }

    @Test
    void aSessionThatVCenterEndedIsReplacedByANewLoginAndTheCallRepeated() {
        String name = clone("session");
        try (VijavaVCenter client = new VijavaVCenter(properties(vcsim))) {
            assertThat(client.findVm(DC, name)).isPresent();

            int ended = endEveryOtherSession();

            assertThat(ended).isPositive();
            assertThat(client.findVm(DC, name)).isPresent();
            endEveryOtherSession();
            assertThat(client.about()).startsWith("VMware vCenter Server");
            endEveryOtherSession();
            client.powerOn(DC, name);
            assertThat(client.findVm(DC, name).orElseThrow().powerState()).isEqualTo(PowerState.POWERED_ON);
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatNoRetryMends() {
        try (VijavaVCenter wrong = new VijavaVCenter(properties(vcsim).withPassword("not-" + vcsim.password()))) {
            assertThatThrownBy(wrong::about).isInstanceOfSatisfying(VCenterException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
                assertThat(e.retryable()).isFalse();
                assertThat(e).hasMessageContaining("nettoria.vcenter.username");
            });
        }
    }

    @Test
    void cloningATemplateMakesAPoweredOffVmAndRepeatingTheCloneAnswersTheSameVm() {
        String name = vmName("clone");

        VmInfo clone = vcenter.cloneFromTemplate(cloneSpec(name));
        VmInfo repeated = vcenter.cloneFromTemplate(cloneSpec(name));

        assertThat(clone.name()).isEqualTo(name);
        assertThat(clone.moRef()).startsWith("vm-");
        assertThat(clone.instanceUuid()).isNotBlank();
        assertThat(clone.powerState()).isEqualTo(PowerState.POWERED_OFF);
        assertThat(clone.vcpus()).isEqualTo(1);
        assertThat(clone.memoryMib()).isEqualTo(1024);
        assertThat(clone.diskGib()).isEqualTo(10);
        assertThat(clone.datastore()).isEqualTo(DATASTORE);
        assertThat(clone.ipAddress()).isNull();
        assertThat(repeated.moRef()).isEqualTo(clone.moRef());
        assertThat(vcenter.listVms(DC, name)).extracting(VmInfo::moRef).containsExactly(clone.moRef());
        assertThat(annotationOf(name)).isEqualTo("customer c-1, order o-1");
    }

    @Test
    void aCloneGoesIntoTheNamedResourcePoolAndFolder() {
        String name = vmName("placed");
        String folder = "customers-" + name;
        inspect(folder, vc -> datacenter(vc).getVmFolder().createFolder(folder));

        VmInfo clone = vcenter.cloneFromTemplate(new CloneSpec(DC, "ubuntu-24-04", name, CLUSTER, "Resources", null,
                folder, null));

        assertThat(clone.powerState()).isEqualTo(PowerState.POWERED_OFF);
        assertThat(vcenter.findVm(DC, name)).map(VmInfo::moRef).contains(clone.moRef());
        String parent = inspect(name, vc -> find(vc, name).getParent().getName());
        String pool = inspect(name, vc -> find(vc, name).getResourcePool().getName());
        assertThat(parent).isEqualTo(folder);
        assertThat(pool).isEqualTo("Resources");
        assertNotFound(() -> vcenter.cloneFromTemplate(new CloneSpec(DC, "ubuntu-24-04", vmName("x"), CLUSTER,
                "no-pool", null, null, null)));
        assertNotFound(() -> vcenter.cloneFromTemplate(new CloneSpec(DC, "ubuntu-24-04", vmName("x"), CLUSTER,
                null, null, "no-folder", null)));
    }

    @Test
    void findsAVmByNameButNeverATemplate() {
        String name = vmName("find");
        VmInfo clone = vcenter.cloneFromTemplate(cloneSpec(name));

        assertThat(vcenter.findVm(DC, name)).map(VmInfo::moRef).contains(clone.moRef());
        assertThat(vcenter.vmInfo(DC, name)).map(VmInfo::moRef).contains(clone.moRef());
        assertThat(vcenter.findVm(DC, "debian-12")).isEmpty();
        assertThat(vcenter.findVm(DC, "no-such-vm")).isEmpty();
    }

    @Test
    void aMissingTemplateClusterDatastoreOrDatacenterIsNotFound() {
        String name = vmName("missing");

        assertNotFound(() -> vcenter.cloneFromTemplate(new CloneSpec(DC, "windows-3.1", name, CLUSTER, null, null, null, null)));
        assertNotFound(() -> vcenter.cloneFromTemplate(new CloneSpec(DC, "debian-12", name, "no-cluster", null, null, null, null)));
        assertNotFound(() -> vcenter.cloneFromTemplate(new CloneSpec(DC, "debian-12", name, CLUSTER, null, "no-ds", null, null)));
        assertNotFound(() -> vcenter.cloneFromTemplate(new CloneSpec("no-dc", "debian-12", name, CLUSTER, null, null, null, null)));
        assertNotFound(() -> vcenter.powerOn(DC, name));
        assertThat(vcenter.findVm(DC, name)).isEmpty();
    }

    @Test
    void reconfiguringSetsCpusAndMemoryAndGrowsTheDiskButNeverShrinksIt() {
        String name = clone("resize");

        vcenter.reconfigure(DC, name, 4, 4096, 20);
        vcenter.reconfigure(DC, name, 4, 4096, 20);

        VmInfo resized = vcenter.findVm(DC, name).orElseThrow();
        assertThat(resized.vcpus()).isEqualTo(4);
        assertThat(resized.memoryMib()).isEqualTo(4096);
        assertThat(resized.diskGib()).isEqualTo(20);
        assertThatThrownBy(() -> vcenter.reconfigure(DC, name, 2, 2048, 10))
                .isInstanceOfSatisfying(VCenterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e).hasMessageContaining("never shrunk");
                });
        assertThat(vcenter.findVm(DC, name).orElseThrow().vcpus()).isEqualTo(4);
    }

    @Test
    void guestInfoLandsInTheVmsAdvancedSettingsAndSettingItAgainChangesNothing() {
        String name = clone("guestinfo");

        vcenter.setGuestInfo(DC, name, Map.of("guestinfo.metadata", "e30=", "guestinfo.metadata.encoding", "base64"));
        vcenter.setGuestInfo(DC, name, Map.of("guestinfo.metadata", "e30=", "guestinfo.metadata.encoding", "base64"));
        vcenter.setGuestInfo(DC, name, Map.of("guestinfo.userdata", "I2Nsb3VkLWNvbmZpZwo="));

        assertThat(extraConfigOf(name)).containsEntry("guestinfo.metadata", "e30=")
                .containsEntry("guestinfo.metadata.encoding", "base64")
                .containsEntry("guestinfo.userdata", "I2Nsb3VkLWNvbmZpZwo=");
        assertNotFound(() -> vcenter.setGuestInfo(DC, "no-such-vm", Map.of("guestinfo.metadata", "e30=")));
    }

    @Test
    void connectsTheFirstAdapterToAStandardOrADistributedPortGroup() {
        String name = clone("network");

        vcenter.connectNetwork(DC, name, "VM Network");
        assertThat(networksOf(name)).containsExactly("VM Network");

        vcenter.connectNetwork(DC, name, "DC0_DVPG0");
        vcenter.connectNetwork(DC, name, "DC0_DVPG0");
        assertThat(networksOf(name)).containsExactly("DC0_DVPG0");

        assertNotFound(() -> vcenter.connectNetwork(DC, name, "no-such-network"));
    }

    @Test
    void aVmWithoutANetworkAdapterGetsOne() {
        String name = clone("no-nic");
        removeNetworkAdapters(name);
        assertThat(networksOf(name)).isEmpty();

        vcenter.connectNetwork(DC, name, "VM Network");

        assertThat(networksOf(name)).containsExactly("VM Network");
    }

    @Test
    void aPoweredOnVmGetsItsGuestIpOnceVmwareToolsRunAndReportsGrowingQuickStats() {
        String name = clone("power-on");

        vcenter.powerOn(DC, name);
        vcenter.powerOn(DC, name);

        assertThat(vcenter.findVm(DC, name).orElseThrow().powerState()).isEqualTo(PowerState.POWERED_ON);
        String ip = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> vcenter.guestIpAddress(DC, name), Optional::isPresent).orElseThrow();
        assertThat(ip).matches("10\\.20\\.\\d{1,3}\\.\\d{1,3}");
        VmInfo running = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> vcenter.findVm(DC, name).orElseThrow(), vm -> vm.uptimeSeconds() >= 1);
        assertThat(running.ipAddress()).isEqualTo(ip);
        assertThat(running.cpuUsageMhz()).isPositive();
        assertThat(running.memoryUsageMib()).isPositive().isLessThanOrEqualTo(running.memoryMib());
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> vcenter.findVm(DC, name).orElseThrow().uptimeSeconds() > running.uptimeSeconds());
    }

    @Test
    void theGuestShutsDownWhenAskedOnceVmwareToolsRun() {
        String name = clone("shutdown");
        vcenter.powerOn(DC, name);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> vcenter.guestIpAddress(DC, name), Optional::isPresent);

        assertThat(vcenter.shutdownGuest(DC, name, Duration.ofSeconds(10))).isTrue();

        VmInfo off = vcenter.findVm(DC, name).orElseThrow();
        assertThat(off.powerState()).isEqualTo(PowerState.POWERED_OFF);
        assertThat(off.ipAddress()).isNull();
        assertThat(off.cpuUsageMhz()).isZero();
        assertThat(off.uptimeSeconds()).isZero();
        assertThat(vcenter.shutdownGuest(DC, name, Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void powerOffIsRepeatableAndResetNeedsARunningVm() {
        String name = clone("power-off");
        vcenter.powerOn(DC, name);

        vcenter.reset(DC, name);
        assertThat(vcenter.findVm(DC, name).orElseThrow().powerState()).isEqualTo(PowerState.POWERED_ON);

        vcenter.powerOff(DC, name);
        vcenter.powerOff(DC, name);
        assertThat(vcenter.findVm(DC, name).orElseThrow().powerState()).isEqualTo(PowerState.POWERED_OFF);
        assertThatThrownBy(() -> vcenter.reset(DC, name))
                .isInstanceOfSatisfying(VCenterException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
    }

    @Test
    void snapshotsAreTakenRevertedToAndRemovedAndEachStepMayBeRepeated() {
        String name = clone("snapshot");

        String id = vcenter.createSnapshot(DC, name, "before-upgrade", "taken by a test");
        String again = vcenter.createSnapshot(DC, name, "before-upgrade", "taken by a test");
        vcenter.reconfigure(DC, name, 2, 2048, 10);
        vcenter.revertToSnapshot(DC, name, "before-upgrade");
        vcenter.removeSnapshot(DC, name, "before-upgrade");
        vcenter.removeSnapshot(DC, name, "before-upgrade");

        assertThat(id).startsWith("snapshot-");
        assertThat(again).isEqualTo(id);
        assertNotFound(() -> vcenter.revertToSnapshot(DC, name, "before-upgrade"));
    }

    @Test
    void listsTheVmsWhoseNameStartsWithAPrefixButNoTemplates() {
        String prefix = "list-" + names.incrementAndGet() + "-";
        vcenter.cloneFromTemplate(cloneSpec(prefix + "b"));
        vcenter.cloneFromTemplate(cloneSpec(prefix + "a"));
        vcenter.cloneFromTemplate(cloneSpec("other-" + prefix));

        assertThat(vcenter.listVms(DC, prefix)).extracting(VmInfo::name).containsExactly(prefix + "a", prefix + "b");
        assertThat(vcenter.listVms(DC, "debian")).isEmpty();
    }

    @Test
    void theClustersCapacityCountsItsHostsCpuMemoryAndDatastores() {
        VCenter.Capacity capacity = vcenter.capacity(DC, CLUSTER);

        assertThat(capacity.cluster()).isEqualTo(CLUSTER);
        assertThat(capacity.hosts()).isEqualTo(3);
        assertThat(capacity.cpuCores()).isPositive();
        assertThat(capacity.cpuMhzTotal()).isPositive();
        assertThat(capacity.cpuMhzEffective()).isPositive().isLessThanOrEqualTo(capacity.cpuMhzTotal());
        assertThat(capacity.cpuMhzUsed()).isPositive().isLessThan(capacity.cpuMhzTotal());
        assertThat(capacity.memoryMibTotal()).isPositive();
        assertThat(capacity.memoryMibEffective()).isPositive().isLessThanOrEqualTo(capacity.memoryMibTotal());
        assertThat(capacity.memoryMibUsed()).isPositive().isLessThan(capacity.memoryMibTotal());
        assertThat(capacity.datastores()).extracting(VCenter.DatastoreSpace::name).containsExactly("LocalDS_0", "LocalDS_1");
        assertThat(capacity.datastores()).allSatisfy(ds -> {
            assertThat(ds.capacityGib()).isPositive();
            assertThat(ds.freeGib()).isBetween(0L, ds.capacityGib());
        });
        assertNotFound(() -> vcenter.capacity(DC, "no-cluster"));
    }

    @Test
    void knowsWhichTemplatesExist() {
        String name = clone("not-a-template");

        assertThat(vcsim.templates()).containsExactly("/DC0/vm/debian-12", "/DC0/vm/ubuntu-24-04");
        assertThat(vcenter.templateExists(DC, "debian-12")).isTrue();
        assertThat(vcenter.templateExists(DC, "ubuntu-24-04")).isTrue();
        assertThat(vcenter.templateExists(DC, name)).isFalse();
        assertThat(vcenter.templateExists(DC, "windows-3.1")).isFalse();
    }

    @Test
    void destroyingARunningVmRemovesItAndDestroyingItAgainIsNoError() {
        String name = clone("destroy");
        vcenter.powerOn(DC, name);

        vcenter.destroy(DC, name);
        vcenter.destroy(DC, name);

        assertThat(vcenter.findVm(DC, name)).isEmpty();
        assertThatThrownBy(() -> vcenter.destroy(DC, "debian-12"))
                .isInstanceOfSatisfying(VCenterException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED));
        assertThat(vcenter.templateExists(DC, "debian-12")).isTrue();
    }

    @Test
    void aGuestWithoutVmwareToolsIsNotAskedToShutDownAndAStoppedVCenterIsUnavailable() throws IOException {
        VcenterSimulator toolless = VcenterSimulator.start(workDir("stopped"), VcenterSimulator.Options.defaults()
                .withGuestIpDelay(Duration.ofHours(1)));
        try (VijavaVCenter client = new VijavaVCenter(properties(toolless))) {
            String name = vmName("toolless");
            client.cloneFromTemplate(cloneSpec(name));
            client.powerOn(DC, name);
            assertThat(client.guestIpAddress(DC, name)).isEmpty();
            assertThat(client.shutdownGuest(DC, name, Duration.ofSeconds(1))).isFalse();

            toolless.stop();

            assertThat(toolless.isRunning()).isFalse();
            assertThatThrownBy(() -> client.findVm(DC, name)).isInstanceOfSatisfying(VCenterException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e.retryable()).isTrue();
                assertThat(e).hasMessageContaining("could not be reached");
            });
        } finally {
            toolless.close();
        }
    }

    @Test
    void aTaskThatOutlastsTheTaskTimeoutIsATimeoutAndRepeatingTheCloneAnswersTheVm() throws IOException {
        try (VcenterSimulator slow = VcenterSimulator.start(workDir("slow-tasks"), VcenterSimulator.Options.defaults()
                .withTaskDelay(Duration.ofSeconds(3)));
             VijavaVCenter client = new VijavaVCenter(properties(slow).withTimeouts(Duration.ofSeconds(2),
                     Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMillis(50)))) {
            String name = vmName("slow");

            assertThatThrownBy(() -> client.cloneFromTemplate(cloneSpec(name)))
                    .isInstanceOfSatisfying(VCenterException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e).hasMessageContaining("nettoria.vcenter.task-timeout");
                    });
            assertThat(client.cloneFromTemplate(cloneSpec(name)).name()).isEqualTo(name);
        }
    }

    @Test
    void aCallThatOutlastsTheReadTimeoutIsATimeout() throws IOException {
        try (VcenterSimulator slow = VcenterSimulator.start(workDir("slow-calls"), VcenterSimulator.Options.defaults()
                .withCallDelay(Duration.ofSeconds(2)));
             VijavaVCenter client = new VijavaVCenter(properties(slow).withTimeouts(Duration.ofSeconds(2),
                     Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMillis(50)))) {
            assertThatThrownBy(client::about).isInstanceOfSatisfying(VCenterException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                assertThat(e).hasMessageContaining("read-timeout");
            });
        }
    }

    @Test
    void aFullDatastoreReportsItsFreeSpaceInTheCapacity() throws IOException {
        try (VcenterSimulator full = VcenterSimulator.start(workDir("full"), VcenterSimulator.Options.defaults()
                .withDatastoreFreeGib(1L));
             VijavaVCenter client = new VijavaVCenter(properties(full))) {
            assertThat(client.capacity(DC, CLUSTER).datastores())
                    .hasSize(2)
                    .allSatisfy(ds -> assertThat(ds.freeGib()).isEqualTo(1));
        }
    }

    @Test
    void aTrustStoreWithoutTheVCentersCertificateRefusesTheConnection() throws Exception {
        Path otherCertificate = workDir("other-ca").resolve("other-ca.pem");
        Files.writeString(otherCertificate, pem(someJdkCaCertificate()));

        try (VijavaVCenter untrusting = new VijavaVCenter(properties(vcsim).withTrustStore(otherCertificate.toString(), null));
             VijavaVCenter defaultTrust = new VijavaVCenter(properties(vcsim).withTrustStore(null, null))) {
            assertThatThrownBy(untrusting::about).isInstanceOfSatisfying(VCenterException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                assertThat(e).hasMessageContaining("TLS").hasMessageContaining("nettoria.vcenter.trust-store");
            });
            assertThatThrownBy(defaultTrust::about).isInstanceOfSatisfying(VCenterException.class,
                    e -> assertThat(e).hasMessageContaining("TLS"));
        }
        assertThat(vcenter.about()).startsWith("VMware vCenter Server");
    }

    @Test
    void anInsecureConnectionTrustsTheSimulatorWithoutATrustStoreAndChangesNothingJvmWide() throws Exception {
        SSLSocketFactory defaultFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        HostnameVerifier defaultVerifier = HttpsURLConnection.getDefaultHostnameVerifier();

        try (VijavaVCenter insecure = new VijavaVCenter(properties(vcsim).withTrustStore(null, null).withInsecure(true))) {
            assertThat(insecure.about()).startsWith("VMware vCenter Server");
        }

        assertThat(HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(defaultFactory);
        assertThat(HttpsURLConnection.getDefaultHostnameVerifier()).isSameAs(defaultVerifier);
        HttpsURLConnection plain = (HttpsURLConnection) new URL(vcsim.url()).openConnection();
        plain.setConnectTimeout(2000);
        plain.setReadTimeout(5000);
        assertThatThrownBy(plain::getResponseCode).isInstanceOf(SSLHandshakeException.class);
    }

    // ---- helpers

    private static VCenterProperties properties(VcenterSimulator simulator) {
        return VCenterProperties.of(simulator.url(), simulator.user(), simulator.password())
                .withTrustStore(simulator.certificate().toString(), null)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofMillis(50));
    }

    private static Path workDir(String name) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        return Files.createTempDirectory(tmp, "vcsim-" + name + "-");
    }

    private static String vmName(String purpose) {
        return "it-" + purpose + "-" + names.incrementAndGet();
    }

    private static CloneSpec cloneSpec(String name) {
        return new CloneSpec(DC, "debian-12", name, CLUSTER, null, DATASTORE, null, "customer c-1, order o-1");
    }

    private static String clone(String purpose) {
        String name = vmName(purpose);
        vcenter.cloneFromTemplate(cloneSpec(name));
        return name;
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VCenterException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(e.retryable()).isFalse();
        });
    }

    /** Reads a VM as vijava sees it, for what {@link VmInfo} does not carry. */
    private static <T> T inspect(String name, VijavaSession.Call<T> read) {
        try (VijavaSession session = new VijavaSession(properties(vcsim),
                ConnectionTrust.of(vcsim.certificate().toString(), null, false))) {
            return session.call("inspect " + name, read);
        }
    }

    private static VirtualMachine find(com.vmware.vim25.mo.ServiceInstance vc, String name) throws Exception {
        return (VirtualMachine) new InventoryNavigator(vc.getRootFolder()).searchManagedEntity("VirtualMachine", name);
    }

    private static com.vmware.vim25.mo.Datacenter datacenter(com.vmware.vim25.mo.ServiceInstance vc) throws Exception {
        return (com.vmware.vim25.mo.Datacenter) new InventoryNavigator(vc.getRootFolder())
                .searchManagedEntity("Datacenter", DC);
    }

    /** Ends every session but the one it uses itself, as vCenter does to expired sessions: answers how many. */
    private static int endEveryOtherSession() {
        return inspect("sessions", vc -> {
            var sessions = vc.getSessionManager();
            String own = sessions.getCurrentSession().getKey();
            String[] others = Arrays.stream(sessions.getSessionList()).map(s -> s.getKey())
                    .filter(key -> !key.equals(own)).toArray(String[]::new);
            if (others.length > 0) {
                sessions.terminateSession(others);
            }
            return others.length;
        });
    }

    private static List<String> networksOf(String name) {
        return inspect(name, vc -> Arrays.stream(find(vc, name).getNetworks()).map(Network::getName).toList());
    }

    private static void removeNetworkAdapters(String name) {
        inspect(name, vc -> {
            VirtualMachine vm = find(vc, name);
            VirtualDeviceConfigSpec[] removals = Arrays.stream(vm.getConfig().getHardware().getDevice())
                    .filter(VirtualEthernetCard.class::isInstance).map(card -> {
                        VirtualDeviceConfigSpec removal = new VirtualDeviceConfigSpec();
                        removal.setOperation(VirtualDeviceConfigSpecOperation.remove);
                        removal.setDevice(card);
                        return removal;
                    }).toArray(VirtualDeviceConfigSpec[]::new);
            VirtualMachineConfigSpec change = new VirtualMachineConfigSpec();
            change.setDeviceChange(removals);
            Task task = vm.reconfigVM_Task(change);
            return task.waitForTask();
        });
    }

    private static Map<String, Object> extraConfigOf(String name) {
        return VijavaInspection.extraConfigOf(vcsim, name);
    }

    private static String annotationOf(String name) {
        return inspect(name, vc -> find(vc, name).getConfig().getAnnotation());
    }

    private static Certificate someJdkCaCertificate() throws Exception {
        KeyStore cacerts = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                .toFile(), "changeit".toCharArray());
        return cacerts.getCertificate(cacerts.aliases().nextElement());
    }

    private static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
