package com.nettoria.command.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nettoria.command.identity.adapter.crypto.HmacSecretCodes;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.VmId;
import org.apache.commons.codec.digest.Crypt;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static com.nettoria.command.provisioning.GuestInitTestData.decoded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuestInitTest {

    private static final VmId VM = VmId.forOrder(new OrderId("8d0c4c86-31a4-3c41-9f6f-5b2a3b7d9e10"));
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@laptop";
    private static final String PASSWORD = "Kp7wQx2mZr9tVb4nHs3d";

    private final HmacSecretCodes secrets = new HmacSecretCodes(filled(32));
    private final GuestInit guestInit = new GuestInit(secrets);
    private final ObjectMapper json = new ObjectMapper();

    private static byte[] filled(int length) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) 7);
        return key;
    }

    private JsonNode cloudConfig(Map<String, String> guestInfo) throws Exception {
        String userdata = decoded(guestInfo, GuestInit.USERDATA);
        assertThat(userdata).startsWith("#cloud-config\n");
        return json.readTree(userdata.substring("#cloud-config\n".length()));
    }

    @Test
    void setsCloudInitsMetadataAndUserdataBase64Encoded() throws Exception {
        Map<String, String> guestInfo = guestInit.guestInfo(GuestInit.Guest.provisioned(VM, "web-1", KEY, null));

        assertThat(guestInfo).containsOnlyKeys("guestinfo.metadata", "guestinfo.metadata.encoding",
                        "guestinfo.userdata", "guestinfo.userdata.encoding")
                .containsEntry("guestinfo.metadata.encoding", "base64")
                .containsEntry("guestinfo.userdata.encoding", "base64");
        JsonNode metadata = json.readTree(decoded(guestInfo, GuestInit.METADATA));
        assertThat(metadata.get("instance-id").asText()).isEqualTo(VM.value());
        assertThat(metadata.get("local-hostname").asText()).isEqualTo("web-1");
    }

    @Test
    void givesRootTheSshKeyWithoutPasswordLogins() throws Exception {
        JsonNode config = cloudConfig(guestInit.guestInfo(GuestInit.Guest.provisioned(VM, "web-1", KEY, null)));

        assertThat(config.get("ssh_authorized_keys").get(0).asText()).isEqualTo(KEY);
        assertThat(config.get("disable_root").asBoolean(true)).isFalse();
        assertThat(config.has("chpasswd")).isFalse();
        assertThat(config.has("ssh_pwauth")).isFalse();
    }

    @Test
    void setsRootsPasswordAsASha512CryptHashThatVerifiesAndNeverInClear() throws Exception {
        Map<String, String> guestInfo = guestInit.guestInfo(
                GuestInit.Guest.provisioned(VM, "web-1", null, secrets.seal(PASSWORD)));
        JsonNode config = cloudConfig(guestInfo);

        JsonNode root = config.get("chpasswd").get("users").get(0);
        String hash = root.get("password").asText();
        assertThat(root.get("name").asText()).isEqualTo("root");
        assertThat(root.get("type").asText()).isEqualTo("hash");
        assertThat(hash).startsWith("$6$").matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}");
        assertThat(Crypt.crypt(PASSWORD, hash)).isEqualTo(hash);
        assertThat(Crypt.crypt("not-the-password", hash)).isNotEqualTo(hash);
        assertThat(config.get("chpasswd").get("expire").asBoolean(true)).isFalse();
        assertThat(config.get("ssh_pwauth").asBoolean()).isTrue();
        assertThat(config.get("disable_root").asBoolean(true)).isFalse();
        assertThat(config.has("ssh_authorized_keys")).isFalse();
        assertThat(decoded(guestInfo, GuestInit.USERDATA) + decoded(guestInfo, GuestInit.METADATA)
                + String.join("", guestInfo.values())).doesNotContain(PASSWORD);
    }

    @Test
    void saltsEveryHashAnew() throws Exception {
        GuestInit.Guest guest = GuestInit.Guest.provisioned(VM, "web-1", null, secrets.seal(PASSWORD));

        String first = cloudConfig(guestInit.guestInfo(guest)).get("chpasswd").get("users").get(0).get("password").asText();
        String second = cloudConfig(guestInit.guestInfo(guest)).get("chpasswd").get("users").get(0).get("password").asText();

        assertThat(first).isNotEqualTo(second);
        assertThat(Crypt.crypt(PASSWORD, second)).isEqualTo(second);
    }

    @Test
    void givesARebuiltVmANewInstanceSoCloudInitRunsAgain() throws Exception {
        Map<String, String> provisioned = guestInit.guestInfo(GuestInit.Guest.provisioned(VM, "web-1", KEY, null));
        Map<String, String> rebuilt = guestInit.guestInfo(GuestInit.Guest.rebuilt(VM, "op-r1", "web-1", KEY, null));
        Map<String, String> rebuiltAgain = guestInit.guestInfo(GuestInit.Guest.rebuilt(VM, "op-r2", "web-1", KEY, null));

        String first = json.readTree(decoded(provisioned, GuestInit.METADATA)).get("instance-id").asText();
        String second = json.readTree(decoded(rebuilt, GuestInit.METADATA)).get("instance-id").asText();
        String third = json.readTree(decoded(rebuiltAgain, GuestInit.METADATA)).get("instance-id").asText();
        assertThat(second).isEqualTo(VM.value() + ".op-r1").isNotEqualTo(first).isNotEqualTo(third);
    }

    @Test
    void quotesWhateverTheKeysCommentHolds() throws Exception {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl \"me\": {x} # y";

        JsonNode config = cloudConfig(guestInit.guestInfo(GuestInit.Guest.provisioned(VM, "web-1", key, null)));

        assertThat(config.get("ssh_authorized_keys").get(0).asText()).isEqualTo(key);
    }

    @Test
    void refusesAPasswordSealedWithAnotherKey() {
        String sealedElsewhere = new HmacSecretCodes(filled(33)).seal(PASSWORD);

        assertThatThrownBy(() -> guestInit.guestInfo(GuestInit.Guest.provisioned(VM, "web-1", null, sealedElsewhere)))
                .isInstanceOf(IllegalStateException.class);
    }
}
