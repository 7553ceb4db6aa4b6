package com.nettoria.ui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Nettoria's web application: the HTTP API (and later the portal). By default it also runs the command side
 * and the query side in-process ({@link InProcessBackendConfiguration}) on an embedded PostgreSQL, so one
 * command starts the whole platform.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NettoriaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "admin".equals(args[0])) {
            System.exit(AdminCli.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(NettoriaApplication.class, args);
    }
}
