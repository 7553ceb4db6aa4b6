package com.nettoria.ui.axonserver;

import com.nettoria.ui.NettoriaApplication;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.queryhandling.QueryBus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ui started alone with the {@code axonserver} profile, with no database and no Axon Server anywhere:
 * it serves HTTP and dispatches through the Axon Server buses, and runs none of the command or query side.
 * Reads only the shipped application.yml (the test overrides in classpath:/config/ start an embedded database,
 * which this mode must do without).
 */
class UiAxonServerProfileIT {

    private static String axonServer;
    private static ConfigurableApplicationContext ui;

    @BeforeAll
    static void startTheUiAloneWithTheAxonServerProfile() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            axonServer = "127.0.0.1:" + socket.getLocalPort();
        }
        Path dataDirectory = Path.of(System.getProperty("java.io.tmpdir"), "ui-axonserver-profile");
        ui = new SpringApplication(NettoriaApplication.class).run(
                "--spring.config.location=classpath:/application.yml",
                "--spring.profiles.active=axonserver",
                "--NETTORIA_DATA_DIR=" + dataDirectory,
                "--AXON_SERVER=" + axonServer,
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void theUiRunsWithNoDatabaseAtAll() {
        assertThat(ui.isRunning()).isTrue();
        assertThat(ui.getBeansOfType(DataSource.class)).isEmpty();
        assertThat(ui.getBeansOfType(Flyway.class)).isEmpty();
        assertThat(ui.getBeansOfType(JdbcTemplate.class)).isEmpty();
        assertThat(ui.getBeanNamesForType(com.github.kagkarlsson.scheduler.Scheduler.class)).isEmpty();
    }

    @Test
    void commandsAndQueriesAreDispatchedThroughAxonServer() {
        assertThat(ui.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(ui.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(ui.getBean(Configuration.class).commandBus()).isInstanceOf(AxonServerCommandBus.class);
        assertThat(ui.getBean(AxonServerConnectionManager.class).isConnected("default")).isFalse();
    }

    @Test
    void theConnectorIsConfiguredWithTheDocumentedProperties() {
        AxonServerConfiguration connector = ui.getBean(AxonServerConfiguration.class);
        assertThat(connector.getServers()).isEqualTo(axonServer);
        assertThat(connector.getContext()).isEqualTo("default");
        assertThat(connector.getComponentName()).isEqualTo("nettoria-ui");
    }

    @Test
    void noCommandSideOrQuerySideComponentIsInTheUi() {
        assertThat(ui.getBean(Configuration.class).findModules(AggregateConfiguration.class)).isEmpty();
        assertThat(ui.getBean(EventProcessingConfiguration.class).eventProcessors()).isEmpty();
        List<String> backendBeans = Arrays.stream(ui.getBeanDefinitionNames())
                .map(ui::getType)
                .filter(Objects::nonNull)
                .map(Class::getName)
                .filter(type -> type.startsWith("com.nettoria.command.") || type.startsWith("com.nettoria.query.")
                        || type.equals("com.nettoria.ui.InProcessBackendConfiguration"))
                .toList();
        assertThat(backendBeans).isEmpty();
    }

    @Test
    void theUiAnswersHttpWhileAxonServerIsUnreachable() throws IOException, InterruptedException {
        String port = ui.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> liveness = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
    }
}
