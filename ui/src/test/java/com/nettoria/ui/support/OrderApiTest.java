package com.nettoria.ui.support;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one application context the order and VM APIs' integration tests share (the same configuration gives the
 * same cached context): the {@link IdentityApiTest} settings (real HTTP, in-process command and query sides on an
 * embedded PostgreSQL, the development outbox) with the real peers of ordering — VMware's vCenter simulator, started
 * for this context by {@code StandaloneVcenterSimulator} with {@code nettoria.vcenter.*} pointing at it, and the
 * demo catalogue ({@link DemoCatalogueIds}), loaded at start. No fakes: what a test asserts about a VM, it can ask
 * vCenter through the context's {@code VCenter} bean.
 *
 * <p>Quicker, not different: the guest reports its IP address as soon as it is powered on; every datastore reports
 * 1000 GiB free (at most its size) whatever the VMs before took from it, so that placement depends neither on the
 * disk of the machine nor on the tests before; deadlines (the provisioning saga's steps) run as soon as they are due
 * and are polled every 100 ms; retries and IP polls wait milliseconds. A VM runs a second or two after it is paid.
 * The oversubscription ratios sell the simulator's cluster a thousand times over (datacenter
 * {@code capacity-sold-out} excepted), so orders are refused for capacity only where a test means it.
 * VM stats streams send a heartbeat every second, so a client that went away is noticed within one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nettoria.api.read-your-writes-timeout=30s",
        "nettoria.cli.enabled=true",
        "nettoria.standalone.vcenter-simulator.enabled=true",
        "nettoria.standalone.vcenter-simulator.guest-ip-delay=0s",
        "nettoria.standalone.vcenter-simulator.datastore-free-gib=1000",
        "nettoria.catalogue.demo=true",
        "db-scheduler.polling-interval=100ms",
        "db-scheduler.immediate-execution-enabled=true",
        "nettoria.provisioning.first-retry-delay=100ms",
        "nettoria.provisioning.max-retry-delay=1s",
        "nettoria.provisioning.ip-poll-interval=200ms",
        "nettoria.provisioning.shutdown-grace=10s",
        // the simulator's cluster (3 small hosts) sold many times over, so that no test depends on how many VMs the
        // tests before it left; nothing of one datacenter (CapacityApiIT); sold-out marks refreshed on every request
        "nettoria.capacity.cpu-ratio=1000",
        "nettoria.capacity.memory-ratio=1000",
        "nettoria.capacity.disk-ratio=1000",
        "nettoria.capacity.datacenters.capacity-sold-out.memory-ratio=0.0001",
        "nettoria.capacity.catalogue-refresh=0s",
        "nettoria.vm-stats.stream.heartbeat=1s"})
public @interface OrderApiTest {
}
