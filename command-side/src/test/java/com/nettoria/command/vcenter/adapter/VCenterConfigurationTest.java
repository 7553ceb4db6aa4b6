package com.nettoria.command.vcenter.adapter;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.command.vcenter.adapter.vijava.VijavaVCenter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which {@link VCenter} the context gets from {@code nettoria.vcenter.*}, and what its health says. */
class VCenterConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(VCenterConfiguration.class);

    @Test
    void withoutAUrlEveryCallIsUnavailableAndTheHealthIsUnknownSoThePlatformStaysUp() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(VCenter.class).hasBean("vcenterHealthIndicator");
            VCenter vCenter = started.getBean(VCenter.class);
            assertThat(vCenter).isInstanceOf(NotConfiguredVCenter.class);
            assertThatThrownBy(() -> vCenter.powerOn("DC0", "web-1")).isInstanceOfSatisfying(VCenterException.class, e -> {
                assertThat(e.kind()).isEqualTo(VCenterException.Kind.UNAVAILABLE);
                assertThat(e).hasMessage("no vCenter configured (nettoria.vcenter.url)");
            });
            Health health = started.getBean(VCenterHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsEntry("reason", "no vCenter configured (nettoria.vcenter.url)");
        });
    }

    @Test
    void theDefaultsNeedOnlyTheUrlAndCredentials() {
        context.run(started -> {
            VCenterProperties properties = started.getBean(VCenterProperties.class);
            assertThat(properties.configured()).isFalse();
            assertThat(properties.insecure()).isFalse();
            assertThat(properties.trustStore()).isNull();
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.taskTimeout()).isEqualTo(Duration.ofMinutes(10));
            assertThat(properties.taskPollInterval()).isEqualTo(Duration.ofMillis(200));
        });
    }

    @Test
    void withAUrlTheVijavaAdapterIsWiredWithoutConnectingYet() {
        context.withPropertyValues("nettoria.vcenter.url=https://vcenter.invalid/sdk",
                "nettoria.vcenter.username=svc-nettoria", "nettoria.vcenter.password=secret",
                "nettoria.vcenter.task-timeout=30m", "nettoria.vcenter.task-poll-interval=1s").run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(VCenter.class);
            assertThat(started.getBean(VCenter.class)).isInstanceOf(VijavaVCenter.class)
                    .hasToString("VijavaVCenter[https://vcenter.invalid/sdk]");
            VCenterProperties properties = started.getBean(VCenterProperties.class);
            assertThat(properties.taskTimeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(properties.taskPollInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.toString()).doesNotContain("secret");
        });
    }

    @Test
    void anUnreachableVCenterIsDownWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        context.withPropertyValues("nettoria.vcenter.url=https://127.0.0.1:" + closedPort + "/sdk",
                "nettoria.vcenter.username=svc-nettoria", "nettoria.vcenter.password=secret",
                "nettoria.vcenter.connect-timeout=2s").run(started -> {
            Health health = started.getBean(VCenterHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("kind", "UNAVAILABLE");
            assertThat((String) health.getDetails().get("reason")).contains("could not be reached");
        });
    }

    @Test
    void aUrlThatIsNotHttpsStopsTheStartNamingTheProperty() {
        context.withPropertyValues("nettoria.vcenter.url=http://vcenter.example/sdk", "nettoria.vcenter.username=u")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nettoria.vcenter.url must be an https URL"));
    }

    @Test
    void aUrlWithoutAUserStopsTheStartNamingTheProperty() {
        context.withPropertyValues("nettoria.vcenter.url=https://vcenter.example/sdk")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nettoria.vcenter.username"));
    }

    @Test
    void anUnreadableTrustStoreStopsTheStartNamingTheProperty() {
        context.withPropertyValues("nettoria.vcenter.url=https://vcenter.example/sdk", "nettoria.vcenter.username=u",
                        "nettoria.vcenter.trust-store=/nonexistent/vcenter-ca.pem")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("nettoria.vcenter.trust-store /nonexistent/vcenter-ca.pem cannot be read"));
    }

    @Test
    void aTimeoutMustBePositive() {
        context.withPropertyValues("nettoria.vcenter.task-timeout=0s")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nettoria.vcenter.task-timeout must be positive"));
    }

    @Test
    void theUrlAndCredentialsCanComeFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "NETTORIA_VCENTER_URL", "https://vcenter.example/sdk",
                        "NETTORIA_VCENTER_USERNAME", "svc-nettoria@vsphere.local",
                        "NETTORIA_VCENTER_PASSWORD", "secret",
                        "NETTORIA_VCENTER_TRUSTSTORE", "/etc/nettoria/vcenter-ca.pem",
                        "NETTORIA_VCENTER_READTIMEOUT", "2m")));

        VCenterProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("nettoria.vcenter", VCenterProperties.class);

        assertThat(properties.configured()).isTrue();
        assertThat(properties.username()).isEqualTo("svc-nettoria@vsphere.local");
        assertThat(properties.password()).isEqualTo("secret");
        assertThat(properties.trustStore()).isEqualTo("/etc/nettoria/vcenter-ca.pem");
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofMinutes(2));
    }
}
