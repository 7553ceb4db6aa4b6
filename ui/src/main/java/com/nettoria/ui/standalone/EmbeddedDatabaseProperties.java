package com.nettoria.ui.standalone;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code nettoria.database.embedded.*}: the PostgreSQL the standalone default starts by itself.
 *
 * @param enabled       start an embedded PostgreSQL instead of connecting to {@code spring.datasource.url}
 * @param dataDirectory where its data lives; kept across restarts unless {@code ephemeral}
 * @param ephemeral     throw the data away when the process stops (tests)
 * @param port          0 for any free port
 */
@ConfigurationProperties("nettoria.database.embedded")
public record EmbeddedDatabaseProperties(boolean enabled, Path dataDirectory, boolean ephemeral, int port) {

    public EmbeddedDatabaseProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(".nettoria", "pgdata");
        }
    }
}
