package com.nettoria.ui.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.nettoria.ui.NettoriaApplication;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone default's vCenter ({@link StandaloneVcenterSimulator}): switched on, an application context starts
 * VMware's vCenter simulator of its own before it is refreshed, talks to it as to any vCenter (its {@code vcenter}
 * health component is UP with what the simulator says about itself), and stops it when it closes — after its beans,
 * which may still talk to vCenter while they stop. The application runs here outside the test framework's context
 * cache, so that the test can close it.
 */
class StandaloneVcenterSimulatorIT {

    @Test
    void anApplicationContextTalksToASimulatorOfItsOwnAndStopsItWhenItCloses() {
        VcenterSimulator simulator;
        Path workDirectory;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NettoriaApplication.class,
                ShutdownWitness.class)
                .run("--server.port=0", "--nettoria.standalone.vcenter-simulator.enabled=true")) {
            simulator = context.getBean(VcenterSimulator.class);
            context.getBean(ShutdownWitness.class).simulator = simulator;
            workDirectory = simulator.certificate().getParent();
            assertThat(simulator.isRunning()).isTrue();
            Environment environment = context.getEnvironment();
            assertThat(environment.getProperty("nettoria.vcenter.url")).isEqualTo(simulator.url());
            assertThat(environment.getProperty("nettoria.vcenter.username")).isEqualTo(simulator.user());
            assertThat(environment.getProperty("nettoria.vcenter.trust-store"))
                    .isEqualTo(simulator.certificate().toAbsolutePath().toString());

            WalletApiClient http = new WalletApiClient(environment.getRequiredProperty("local.server.port",
                    Integer.class));
            ApiResponse health = http.get("/actuator/health", null);

            assertThat(health.status()).as("%s", health).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
            JsonNode vcenter = health.json().path("components").path("vcenter");
            assertThat(vcenter.path("status").asText()).as("%s", vcenter).isEqualTo("UP");
            assertThat(vcenter.path("details").path("about").asText()).startsWith("VMware vCenter Server");
            assertThat(vcenter.path("details").path("apiVersion").asText()).isNotBlank();
            VCenter adapter = context.getBean(VCenter.class);
            assertThat(adapter.templateExists("DC0", "debian-12")).isTrue();
            assertThat(adapter.templateExists("DC0", "ubuntu-24-04")).isTrue();
        }

        assertThat(simulator.isRunning()).isFalse();
        assertThat(workDirectory).doesNotExist();
        assertThat(ShutdownWitness.simulatorRunningWhenDestroyed).as("the simulator outlives the beans that use it")
                .isTrue();
    }

    /**
     * A bean of the application, destroyed like the beans that talk to vCenter: it notes whether the simulator still
     * ran then. Registered as a source of the application only (deliberately without {@code @Configuration}, so that
     * no component scan picks it up for other tests).
     */
    static class ShutdownWitness implements DisposableBean {

        static volatile Boolean simulatorRunningWhenDestroyed;
        volatile VcenterSimulator simulator;

        @Override
        public void destroy() {
            simulatorRunningWhenDestroyed = simulator.isRunning();
        }
    }
}
