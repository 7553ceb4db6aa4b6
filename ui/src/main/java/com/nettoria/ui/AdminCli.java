package com.nettoria.ui;

import com.nettoria.ui.identity.cli.AdminCommandLine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar nettoria.jar admin <command> ...}: starts the platform without listening on a port (same
 * configuration and profiles as a normal start, e.g. the same database), runs one {@link AdminCommandLine}
 * command and stops. Spring options ({@code --spring.profiles.active=postgres}) may follow the command's own.
 */
final class AdminCli {

    private AdminCli() {
    }

    static int run(String[] args) {
        List<String> command = Arrays.stream(args).filter(arg -> !arg.startsWith("--spring.")
                && !arg.startsWith("--nettoria.")).toList();
        String[] springArgs = Arrays.stream(args).filter(arg -> arg.startsWith("--spring.")
                || arg.startsWith("--nettoria.")).toArray(String[]::new);
        // the whole application as configured, but listening on no port (server.port=-1)
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NettoriaApplication.class)
                .properties("nettoria.cli.enabled=true", "spring.main.banner-mode=off", "server.port=-1",
                        "logging.level.root=ERROR")
                .run(withoutVcenterSimulator(springArgs))) {
            return context.getBean(AdminCommandLine.class).execute(command, System.getenv("NETTORIA_ADMIN_PASSWORD"),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out,
                    System.err);
        }
    }

    /** An operator command needs no vCenter: the standalone default's simulator is not started for it. */
    private static String[] withoutVcenterSimulator(String[] springArgs) {
        String[] args = Arrays.copyOf(springArgs, springArgs.length + 1);
        args[springArgs.length] = "--nettoria.standalone.vcenter-simulator.enabled=false";
        return args;
    }
}
