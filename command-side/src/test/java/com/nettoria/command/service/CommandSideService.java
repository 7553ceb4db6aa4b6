package com.nettoria.command.service;

import com.nettoria.command.CommandSideApplication;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the command service the way {@link CommandSideApplication#main} does (spring.config.name=command-side,
 * so command-side.yml and its profile files are read), alone, against an embedded PostgreSQL given through the
 * ordinary spring.datasource.* properties.
 */
final class CommandSideService {

    private CommandSideService() {
    }

    static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String... extraArguments) {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "command-side"));
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--db-scheduler.polling-interval=200ms",
                // cheap password hashing and a throw-away HMAC key: tests are about behaviour, not hash cost
                "--nettoria.identity.password-hash.argon2.memory-kib=256",
                "--nettoria.identity.password-hash.argon2.iterations=1",
                "--nettoria.identity.hmac-key-file=" + System.getProperty("java.io.tmpdir") + "/nettoria-test-identity/hmac.key",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(extraArguments));
        return application.run(arguments.toArray(String[]::new));
    }

    /**
     * The command service with the demo catalogue (placed on the simulator's inventory) and VMware's vCenter
     * simulator as its vCenter, trusted through the simulator's certificate; fast guest-IP polling.
     */
    static ConfigurableApplicationContext startOnSimulator(EmbeddedPostgres postgres, VcenterSimulator simulator,
                                                           String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--nettoria.catalogue.demo=true",
                "--nettoria.vcenter.url=" + simulator.url(),
                "--nettoria.vcenter.username=" + simulator.user(),
                "--nettoria.vcenter.password=" + simulator.password(),
                "--nettoria.vcenter.trust-store=" + simulator.certificate(),
                "--nettoria.provisioning.ip-poll-interval=200ms"));
        arguments.addAll(List.of(extraArguments));
        return start(postgres, arguments.toArray(String[]::new));
    }

    /** A loopback address where nothing listens: the port was free a moment ago and is closed again. */
    static String addressWhereNothingListens() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
