package com.nettoria.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/**
 * The query side as a service of its own (the {@code axonserver} deployment). In the standalone default
 * the ui application runs these components in-process instead.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QuerySideApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "query-side"));
        application.run(args);
    }
}
