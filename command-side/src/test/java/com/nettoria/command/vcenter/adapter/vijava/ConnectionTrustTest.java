package com.nettoria.command.vcenter.adapter.vijava;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.HttpsURLConnection;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the trust of the vCenter connection, and handing it to that connection only. */
class ConnectionTrustTest {

    @TempDir
    Path dir;

    @Test
    void readsPemCertificates() throws Exception {
        Path pem = dir.resolve("vcenter-ca.pem");
        Files.writeString(pem, pem(jdkCaCertificate(0)) + pem(jdkCaCertificate(1)));

        assertThat(ConnectionTrust.of(pem.toString(), null, false)).hasToString("the certificates in " + pem);
    }

    @Test
    void readsAPkcs12StoreWithItsPassword() throws Exception {
        Path p12 = dir.resolve("vcenter.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("vcenter", jdkCaCertificate(0));
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "s3cret".toCharArray());
        }

        assertThat(ConnectionTrust.of(p12.toString(), "s3cret", false)).hasToString("the certificates in " + p12);
        assertThatThrownBy(() -> ConnectionTrust.of(p12.toString(), "wrong", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nettoria.vcenter.trust-store");
    }

    @Test
    void aMissingOrEmptyTrustStoreStopsTheStartNamingTheProperty() throws Exception {
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");

        assertThatThrownBy(() -> ConnectionTrust.of(dir.resolve("absent.pem").toString(), null, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nettoria.vcenter.trust-store").hasMessageContaining("absent.pem");
        assertThatThrownBy(() -> ConnectionTrust.of(empty.toString(), null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nettoria.vcenter.trust-store");
    }

    @Test
    void withoutATrustStoreTheJdksCaCertificatesAreTrustedAndInsecureTrustsAnything() {
        assertThat(ConnectionTrust.of(null, null, false)).hasToString("the JDK's CA certificates");
        assertThat(ConnectionTrust.of(" ", null, false)).hasToString("the JDK's CA certificates");
        assertThat(ConnectionTrust.of("/ignored.pem", null, true)).hasToString("any certificate (insecure)");
    }

    @Test
    void theConnectionsOfTheUrlGetTheTrustAndTheJvmDefaultsStayAsTheyWere() throws Exception {
        var defaultFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        var defaultVerifier = HttpsURLConnection.getDefaultHostnameVerifier();

        URL url = new URL(null, "https://vcenter.example/sdk", ConnectionTrust.of(null, null, true).urlHandler());
        HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();

        assertThat(connection).isInstanceOf(RecordingHttpsConnection.class);
        assertThat(connection.getSSLSocketFactory()).isNotSameAs(defaultFactory);
        assertThat(connection.getHostnameVerifier()).isNotSameAs(defaultVerifier);
        assertThat(connection.getHostnameVerifier().verify("any.host", null)).isTrue();
        assertThat(HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(defaultFactory);
        assertThat(HttpsURLConnection.getDefaultHostnameVerifier()).isSameAs(defaultVerifier);
    }

    private static Certificate jdkCaCertificate(int index) throws Exception {
        KeyStore cacerts = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                .toFile(), "changeit".toCharArray());
        return cacerts.getCertificate(java.util.Collections.list(cacerts.aliases()).get(index));
    }

    private static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
