package com.nettoria.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * {@code nettoria.security.cors.*}: which browser origins may call the API from another site. Empty by default:
 * no cross-origin access; a request from an origin not in the list is refused with 403.
 *
 * @param allowedOrigins origins such as {@code https://portal.example.com} (patterns such as
 *                       {@code https://*.example.com} too)
 * @param allowedMethods HTTP methods they may use
 * @param allowedHeaders request headers they may send
 * @param exposedHeaders response headers their scripts may read
 * @param maxAge         how long browsers may cache a preflight answer
 */
@ConfigurationProperties("nettoria.security.cors")
public record CorsProperties(List<String> allowedOrigins,
                             List<String> allowedMethods,
                             List<String> allowedHeaders,
                             List<String> exposedHeaders,
                             Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        allowedMethods = allowedMethods == null ? List.of("GET", "POST", "PUT", "PATCH", "DELETE")
                : List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null
                ? List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id", "Prefer")
                : List.copyOf(allowedHeaders);
        exposedHeaders = exposedHeaders == null
                ? List.of("Location", "Retry-After", "X-Request-Id", "Idempotent-Replayed", "WWW-Authenticate")
                : List.copyOf(exposedHeaders);
        maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
        if (allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("nettoria.security.cors.allowed-origins must list origins, not '*'");
        }
    }

    /** One policy for every path; no credentials (the API takes bearer tokens, never cookies). */
    UrlBasedCorsConfigurationSource source() {
        CorsConfiguration policy = new CorsConfiguration();
        policy.setAllowedOriginPatterns(allowedOrigins);
        policy.setAllowedMethods(allowedMethods);
        policy.setAllowedHeaders(allowedHeaders);
        policy.setExposedHeaders(exposedHeaders);
        policy.setAllowCredentials(false);
        policy.setMaxAge(maxAge);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", policy);
        return source;
    }
}
