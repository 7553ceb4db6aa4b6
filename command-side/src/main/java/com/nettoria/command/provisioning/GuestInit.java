package com.nettoria.command.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nettoria.command.identity.SecretCodes;
import com.nettoria.coreapi.vm.VmId;
import org.apache.commons.codec.digest.Sha2Crypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * What a new or reinstalled guest is told at its first boot, so that its owner can log in: its host name and
 * root's SSH key or password, in the form cloud-init's VMware datasource reads from the VM's advanced settings
 * ({@code guestinfo.metadata} and {@code guestinfo.userdata}, base64). The templates carry cloud-init
 * (docs/vcenter.md); the platform never logs in to a guest itself.
 *
 * <p>The metadata names the instance: cloud-init runs its first-boot modules once per {@code instance-id}, so a
 * rebuild gets a new one. The user data is a {@code #cloud-config} document (written as JSON, which YAML reads, so
 * that no key comment or host name needs YAML quoting). A generated root password is unsealed only here and goes
 * into the VM's settings as a salted SHA-512 crypt hash, never in clear: anyone who may read the VM's settings in
 * vCenter sees the hash only.
 */
public final class GuestInit {

    public static final String METADATA = "guestinfo.metadata";
    public static final String USERDATA = "guestinfo.userdata";
    static final String BASE64 = "base64";
    /** Lets root log in over SSH with the password (Debian and Ubuntu allow root keys only by default). */
    static final String ROOT_PASSWORD_SSHD = "/etc/ssh/sshd_config.d/60-nettoria-root-password.conf";

    private static final String SALT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SALT_LENGTH = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretCodes secrets;
    private final Random random;

    public GuestInit(SecretCodes secrets) {
        this(secrets, new SecureRandom());
    }

    GuestInit(SecretCodes secrets, Random random) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The advanced settings to set on the VM: metadata and user data with their encodings. The user data differs
     * from call to call (a fresh salt) and means the same.
     */
    public Map<String, String> guestInfo(Guest guest) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(METADATA, base64(metadata(guest)));
        keys.put(METADATA + ".encoding", BASE64);
        keys.put(USERDATA, base64(userdata(guest)));
        keys.put(USERDATA + ".encoding", BASE64);
        return keys;
    }

    String metadata(Guest guest) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("instance-id", guest.instanceId());
        if (guest.hostname() != null) {
            metadata.put("local-hostname", guest.hostname());
        }
        return json(metadata);
    }

    String userdata(Guest guest) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (guest.sshPublicKey() != null) {
            // cloud-init gives root the keys as they are when root is not disabled
            config.put("disable_root", false);
            config.put("ssh_authorized_keys", List.of(guest.sshPublicKey()));
        }
        if (guest.sealedRootPassword() != null) {
            config.put("disable_root", false);
            config.put("ssh_pwauth", true);
            config.put("chpasswd", Map.of("expire", false, "users", List.of(Map.of(
                    "name", "root", "type", "hash", "password", hash(secrets.unseal(guest.sealedRootPassword()))))));
            config.put("write_files", List.of(Map.of("path", ROOT_PASSWORD_SSHD, "permissions", "0644",
                    "content", "PermitRootLogin yes\n")));
        }
        return "#cloud-config\n" + json(config) + "\n";
    }

    /** {@code $6$<salt>$<hash>}, as {@code /etc/shadow} keeps it. */
    private String hash(String password) {
        StringBuilder salt = new StringBuilder("$6$");
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_ALPHABET.charAt(random.nextInt(SALT_ALPHABET.length())));
        }
        return Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), salt.toString());
    }

    private static String json(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write guest data", e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One guest to initialise.
     *
     * @param instanceId         cloud-init's instance id: a new one runs its first-boot modules again
     * @param hostname           the VM's host name, or {@code null} to leave the template's
     * @param sshPublicKey       root's key, or {@code null}
     * @param sealedRootPassword root's generated password as the events keep it (sealed), or {@code null}
     */
    public record Guest(String instanceId, String hostname, String sshPublicKey, String sealedRootPassword) {

        public Guest {
            Objects.requireNonNull(instanceId, "instanceId");
        }

        /** A VM provisioned for its order: the VM's id is the instance id. */
        public static Guest provisioned(VmId vmId, String hostname, String sshPublicKey, String sealedRootPassword) {
            return new Guest(vmId.value(), hostname, sshPublicKey, sealedRootPassword);
        }

        /** A VM reinstalled by a rebuild operation: a new instance, so cloud-init sets it up again. */
        public static Guest rebuilt(VmId vmId, String operationId, String hostname, String sshPublicKey,
                                    String sealedRootPassword) {
            return new Guest(vmId.value() + "." + operationId, hostname, sshPublicKey, sealedRootPassword);
        }
    }
}
