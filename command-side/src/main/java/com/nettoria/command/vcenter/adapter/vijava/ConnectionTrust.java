package com.nettoria.command.vcenter.adapter.vijava;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.Socket;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Locale;

/**
 * Whom the vCenter connection trusts, for that connection only. vijava's own {@code ignoreCert} replaces the JVM's
 * default socket factory and hostname verifier, which would switch certificate checks off for every HTTPS call of
 * the process (payment gateways too); this class never touches a JVM-wide default. Instead vijava's base URL gets
 * {@link #urlHandler()}: each connection it opens is the JDK's {@link HttpsURLConnection} with this trust's socket
 * factory (and, when insecure, a hostname verifier that accepts any name), wrapped in a
 * {@link RecordingHttpsConnection}.
 * <p>
 * Trust comes from, in this order: {@code insecure} (any certificate, any host name: for a lab vCenter with a
 * self-signed certificate), a trust store file (PEM certificates, or a PKCS12/JKS store), or the JDK's default CA
 * certificates. With a trust store or the defaults, the host name is checked against the certificate as usual.
 */
final class ConnectionTrust {

    private final SSLSocketFactory socketFactory;
    private final HostnameVerifier hostnameVerifier;
    private final String description;

    private ConnectionTrust(SSLSocketFactory socketFactory, HostnameVerifier hostnameVerifier, String description) {
        this.socketFactory = socketFactory;
        this.hostnameVerifier = hostnameVerifier;
        this.description = description;
    }

    /**
     * @param trustStore         PEM file of one or more certificates, or a PKCS12/JKS key store; null or blank: the
     *                           JDK's default CA certificates
     * @param trustStorePassword the key store's password (not needed for PEM or a PKCS12 store without one)
     * @param insecure           trust any certificate and host name (the trust store is then not used)
     * @throws IllegalArgumentException when the trust store cannot be read: a configuration error, at startup
     */
    static ConnectionTrust of(String trustStore, String trustStorePassword, boolean insecure) {
        try {
            if (insecure) {
                return new ConnectionTrust(context(new TrustManager[]{new TrustingEveryone()}).getSocketFactory(),
                        (host, session) -> true, "any certificate (insecure)");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustStore == null || trustStore.isBlank()) {
                trust.init((KeyStore) null);
                return new ConnectionTrust(context(trust.getTrustManagers()).getSocketFactory(), null,
                        "the JDK's CA certificates");
            }
            Path path = Path.of(trustStore.strip());
            trust.init(load(path, trustStorePassword));
            return new ConnectionTrust(context(trust.getTrustManagers()).getSocketFactory(), null,
                    "the certificates in " + path);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("nettoria.vcenter.trust-store " + trustStore + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The handler for vijava's base URL: every connection it opens uses this trust. */
    URLStreamHandler urlHandler() {
        return new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) throws IOException {
                return open(url, null);
            }

            @Override
            protected URLConnection openConnection(URL url, Proxy proxy) throws IOException {
                return open(url, proxy);
            }
        };
    }

    private URLConnection open(URL url, Proxy proxy) throws IOException {
        URL plain = new URL(url.toExternalForm()); // the JDK's own https handler
        URLConnection connection = proxy == null ? plain.openConnection() : plain.openConnection(proxy);
        if (!(connection instanceof HttpsURLConnection https)) {
            throw new IOException("not an https URL: " + url);
        }
        https.setSSLSocketFactory(socketFactory);
        if (hostnameVerifier != null) {
            https.setHostnameVerifier(hostnameVerifier);
        }
        return new RecordingHttpsConnection(https);
    }

    @Override
    public String toString() {
        return description;
    }

    private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(path)) {
            throw new IOException("no readable file " + path.toAbsolutePath());
        }
        byte[] content = Files.readAllBytes(path);
        if (new String(content, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            return pem(path);
        }
        char[] secret = password == null ? null : password.toCharArray();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, secret);
            }
            return requireCertificates(store, path);
        }
        return requireCertificates(KeyStore.getInstance(path.toFile(), secret), path); // JKS or PKCS12, detected
    }

    private static KeyStore pem(Path path) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(path)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("vcenter-" + n++, certificate);
        }
        return requireCertificates(store, path);
    }

    private static KeyStore requireCertificates(KeyStore store, Path path) throws GeneralSecurityException {
        if (store.size() == 0) {
            throw new GeneralSecurityException("no certificate in " + path);
        }
        return store;
    }

    /** Accepts every certificate chain, for this connection only (the {@code insecure} setting). */
    private static final class TrustingEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
