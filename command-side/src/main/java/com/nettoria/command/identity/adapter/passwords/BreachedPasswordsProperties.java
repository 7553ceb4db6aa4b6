package com.nettoria.command.identity.adapter.passwords;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code nettoria.identity.breached-passwords.*}: the optional check of new passwords against Have I Been
 * Pwned's Pwned Passwords (k-anonymity range API).
 *
 * @param enabled        off by default: the platform then makes no outbound call for passwords
 * @param baseUrl        the range API, {@code https://api.pwnedpasswords.com} unless set (a mirror, or a test double)
 * @param connectTimeout default 2 s
 * @param readTimeout    time for the whole answer once connected, default 3 s
 */
@ConfigurationProperties("nettoria.identity.breached-passwords")
public record BreachedPasswordsProperties(boolean enabled, URI baseUrl, Duration connectTimeout, Duration readTimeout) {

    public BreachedPasswordsProperties {
        baseUrl = baseUrl == null ? URI.create("https://api.pwnedpasswords.com") : baseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
    }
}
