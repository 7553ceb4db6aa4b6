package com.nettoria.ui.standalone;

import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The standalone default's vCenter: VMware's vCenter simulator ({@code command-side/src/vcsim}), started before
 * the application context is refreshed so that {@code nettoria.vcenter.*} point at it (its URL, a random password,
 * its certificate as the trust store), and stopped when the context closes, after its beans (or when its refresh
 * fails). A newcomer who orders a VM watches it being cloned, configured, powered on and given an IP address.
 *
 * <p>On with {@code nettoria.standalone.vcenter-simulator.enabled=true} (the standalone default; off in the
 * {@code postgres} and {@code axonserver} profiles, where a real vCenter is configured). Tests switch it on the same
 * way, each application context with a simulator of its own.
 */
public class StandaloneVcenterSimulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PREFIX = "nettoria.standalone.vcenter-simulator.";
    static final String BEAN_NAME = "vcenterSimulator";
    private static final Logger log = LoggerFactory.getLogger(StandaloneVcenterSimulator.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty(PREFIX + "enabled", Boolean.class, false)) {
            return;
        }
        if (!(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry beans)) {
            throw new IllegalStateException("cannot register the vCenter simulator with " + context.getBeanFactory());
        }
        Path workDirectory = Path.of(environment.getProperty(PREFIX + "work-directory",
                Path.of(System.getProperty("java.io.tmpdir"), "nettoria-vcsim").toString()))
                .resolve(UUID.randomUUID().toString());
        List<String> templates = Arrays.stream(environment.getProperty(PREFIX + "templates", "debian-12,ubuntu-24-04")
                .split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        VcenterSimulator.Options options = VcenterSimulator.Options.defaults()
                .withTemplates(templates)
                .withGuestIpDelay(environment.getProperty(PREFIX + "guest-ip-delay", Duration.class, Duration.ofSeconds(2)));
        Long datastoreFree = environment.getProperty(PREFIX + "datastore-free-gib", Long.class);
        if (datastoreFree != null) {
            options = options.withDatastoreFreeGib(datastoreFree);
        }
        VcenterSimulator simulator = VcenterSimulator.start(workDirectory, options);
        log.info("vCenter simulator running at {} (templates {}); nettoria.vcenter.* point at it",
                simulator.url(), simulator.templates());
        environment.getPropertySources().addFirst(new MapPropertySource("vcenterSimulator", Map.of(
                "nettoria.vcenter.url", simulator.url(),
                "nettoria.vcenter.username", simulator.user(),
                "nettoria.vcenter.password", simulator.password(),
                "nettoria.vcenter.trust-store", simulator.certificate().toAbsolutePath().toString(),
                "nettoria.vcenter.insecure", "false")));
        beans.registerSingleton(BEAN_NAME, simulator);
        // registered before any other bean, so destroyed after all of them: the web server, the event processors,
        // the deadlines and the vCenter adapter no longer use it by then (a ContextClosedEvent listener would stop
        // it before them). Also when the refresh fails, which publishes no ContextClosedEvent.
        beans.registerDisposableBean(BEAN_NAME, () -> {
            simulator.close();
            deleteQuietly(workDirectory);
        });
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception ignored) {
            // a temporary folder; the next start uses a new one
        }
    }
}
