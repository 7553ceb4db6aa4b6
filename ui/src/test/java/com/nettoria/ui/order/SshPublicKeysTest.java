package com.nettoria.ui.order;

import com.nettoria.ui.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshPublicKeysTest {

    @Test
    void acceptsEd25519RsaAndEcdsaKeysWithOrWithoutAComment() {
        String ed25519 = OpenSshKeys.ed25519("sara@laptop");
        String rsa = OpenSshKeys.rsa(3072, null);
        String ecdsa = OpenSshKeys.ecdsaP256("ci key");

        assertThat(SshPublicKeys.normalise(ed25519)).isEqualTo(ed25519);
        assertThat(SshPublicKeys.normalise(rsa)).isEqualTo(rsa);
        assertThat(SshPublicKeys.normalise(ecdsa)).isEqualTo(ecdsa);
    }

    @Test
    void trimsTheLineAndSquashesTheSpacesBetweenItsParts() {
        String key = OpenSshKeys.ed25519(null);
        String[] parts = key.split(" ");

        assertThat(SshPublicKeys.normalise("  " + parts[0] + " \t " + parts[1] + "   me@host \n"))
                .isEqualTo(key + " me@host");
    }

    @Test
    void noKeyIsNoKey() {
        assertThat(SshPublicKeys.normalise(null)).isNull();
        assertThat(SshPublicKeys.normalise("  ")).isNull();
    }

    @Test
    void refusesKeysThatAreNotOpenSshPublicKeysOfAnAcceptedType() {
        String ed25519 = OpenSshKeys.ed25519(null);
        String body = ed25519.split(" ")[1];
        for (String bad : new String[]{
                "ssh-dss " + body,
                "ssh-rsa " + body,
                "ssh-ed25519 not*base64",
                "ssh-ed25519",
                body,
                ed25519 + "\nssh-ed25519 " + body,
                "ssh-ed25519 " + body.substring(0, body.length() - 8),
                OpenSshKeys.line("ssh-ed25519", OpenSshKeys.blob(bytes("ssh-ed25519"), new byte[16]), null),
                OpenSshKeys.line("ecdsa-sha2-nistp384", OpenSshKeys.blob(bytes("ecdsa-sha2-nistp384"),
                        bytes("nistp256"), new byte[65]), null),
                "-----BEGIN OPENSSH PRIVATE KEY-----"}) {
            assertThatThrownBy(() -> SshPublicKeys.normalise(bad)).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                        assertThat(problem.field()).isEqualTo("sshPublicKey");
                        assertThat(problem.status().value()).isEqualTo(400);
                    });
        }
    }

    @Test
    void refusesRsaKeysShorterThan2048Bits() {
        assertThatThrownBy(() -> SshPublicKeys.normalise(OpenSshKeys.rsa(1024, null)))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("2048");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
