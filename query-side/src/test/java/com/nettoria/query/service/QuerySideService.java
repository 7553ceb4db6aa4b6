package com.nettoria.query.service;

import com.nettoria.query.QuerySideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the query service the way {@link QuerySideApplication#main} does (spring.config.name=query-side, so
 * query-side.yml and its profile files are read), alone, against an embedded PostgreSQL given through the
 * ordinary spring.datasource.* properties.
 */
public final class QuerySideService {

    private QuerySideService() {
    }

    public static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String... extraArguments) {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "query-side"));
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(extraArguments));
        return application.run(arguments.toArray(String[]::new));
    }

    /**
     * The query service on a database whose Axon tables (event store, tokens, dead letters) were made by the command
     * side's own migrations, as in production, where the command side migrates first.
     */
    public static ConfigurableApplicationContext startOnCommandSideMigratedDatabase(EmbeddedPostgres postgres) {
        Path scripts = Path.of("../command-side/src/main/resources/db/migration/axon");
        if (!Files.isDirectory(scripts)) {
            throw new IllegalStateException("the command side's migrations are not at " + scripts.toAbsolutePath());
        }
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("filesystem:" + scripts).load().migrate();
        return start(postgres);
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
