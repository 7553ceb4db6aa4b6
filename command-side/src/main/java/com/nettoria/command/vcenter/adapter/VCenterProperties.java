package com.nettoria.command.vcenter.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How to reach vCenter ({@code nettoria.vcenter.*}); docs/vcenter.md describes each setting. Without a URL the
 * context gets a {@link NotConfiguredVCenter} that refuses every call, so a fresh checkout starts without one.
 *
 * @param url               the SDK endpoint, {@code https://vcenter.example.com/sdk} (a bare host gets {@code /sdk});
 *                          empty: no vCenter
 * @param username          the vCenter user, e.g. {@code svc-nettoria@vsphere.local}
 * @param password          its password; from the environment ({@code NETTORIA_VCENTER_PASSWORD}), never in a file
 * @param trustStore        the certificates to trust for this connection only: a PEM file (one or more
 *                          certificates, e.g. vCenter's CA) or a PKCS12/JKS store; empty: the JDK's CA certificates
 * @param trustStorePassword the store's password, if it has one
 * @param insecure          trust any certificate and host name on this connection (a lab vCenter with a
 *                          self-signed certificate); logs a warning at startup; never in production
 * @param connectTimeout    how long to wait for a connection
 * @param readTimeout       how long to wait for the answer to one call
 * @param taskTimeout       how long to wait for a vCenter task (clone, power on, reconfigure, …) to end
 * @param taskPollInterval  how often a running task is looked at
 */
@ConfigurationProperties(prefix = "nettoria.vcenter")
public record VCenterProperties(String url,
                                String username,
                                String password,
                                String trustStore,
                                String trustStorePassword,
                                @DefaultValue("false") boolean insecure,
                                @DefaultValue("10s") Duration connectTimeout,
                                @DefaultValue("60s") Duration readTimeout,
                                @DefaultValue("10m") Duration taskTimeout,
                                @DefaultValue("200ms") Duration taskPollInterval) {

    public VCenterProperties {
        connectTimeout = positive(connectTimeout, "connect-timeout", Duration.ofSeconds(10));
        readTimeout = positive(readTimeout, "read-timeout", Duration.ofSeconds(60));
        taskTimeout = positive(taskTimeout, "task-timeout", Duration.ofMinutes(10));
        taskPollInterval = positive(taskPollInterval, "task-poll-interval", Duration.ofMillis(200));
    }

    /** Settings for {@code url} with these credentials and the defaults for everything else. */
    public static VCenterProperties of(String url, String username, String password) {
        return new VCenterProperties(url, username, password, null, null, false, null, null, null, null);
    }

    /** Whether a vCenter is configured at all. */
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    public VCenterProperties withTrustStore(String trustStore, String trustStorePassword) {
        return new VCenterProperties(url, username, password, trustStore, trustStorePassword, insecure, connectTimeout,
                readTimeout, taskTimeout, taskPollInterval);
    }

    public VCenterProperties withInsecure(boolean insecure) {
        return new VCenterProperties(url, username, password, trustStore, trustStorePassword, insecure, connectTimeout,
                readTimeout, taskTimeout, taskPollInterval);
    }

    public VCenterProperties withPassword(String password) {
        return new VCenterProperties(url, username, password, trustStore, trustStorePassword, insecure, connectTimeout,
                readTimeout, taskTimeout, taskPollInterval);
    }

    public VCenterProperties withTimeouts(Duration connectTimeout, Duration readTimeout, Duration taskTimeout,
                                          Duration taskPollInterval) {
        return new VCenterProperties(url, username, password, trustStore, trustStorePassword, insecure, connectTimeout,
                readTimeout, taskTimeout, taskPollInterval);
    }

    private static Duration positive(Duration value, String name, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("nettoria.vcenter." + name + " must be positive, not " + value);
        }
        return value;
    }

    /** Never shows the passwords. */
    @Override
    public String toString() {
        return "VCenterProperties[url=" + url + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "(none)" : "***")
                + ", trustStore=" + trustStore + ", trustStorePassword=" + (trustStorePassword == null ? "(none)" : "***")
                + ", insecure=" + insecure + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", taskTimeout=" + taskTimeout + ", taskPollInterval=" + taskPollInterval + "]";
    }
}
