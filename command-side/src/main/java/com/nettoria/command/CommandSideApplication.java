package com.nettoria.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side as a service of its own (the {@code axonserver} deployment). In the standalone default
 * the ui application runs these components in-process instead.
 */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CommandSideApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "command-side"));
        application.run(args);
    }
}
