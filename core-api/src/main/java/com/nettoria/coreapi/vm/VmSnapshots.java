package com.nettoria.coreapi.vm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The rules of a VM's snapshots (manual backups) that every side shares: how many a VM may keep, how long a name
 * may be, and how a snapshot's platform id and its vCenter name follow from the operation that took it (so that a
 * repeated step finds the snapshot it made before).
 */
public final class VmSnapshots {

    /** The most snapshots a VM keeps (being taken, kept or being deleted). */
    public static final int LIMIT = 5;
    public static final int NAME_MAX_LENGTH = 64;
    public static final int DESCRIPTION_MAX_LENGTH = 255;

    private VmSnapshots() {
    }

    /** The platform id of the snapshot an operation takes: the same operation, the same snapshot. */
    public static String idFor(VmId vmId, String operationId) {
        String name = "vm-snapshot:" + vmId.value() + ":" + operationId;
        return "snap-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The snapshot's name in vCenter: derived from its platform id, never from the name its owner gave it. */
    public static String vcenterName(String snapshotId) {
        return "nettoria-" + snapshotId;
    }

    /** A name is 1 to {@link #NAME_MAX_LENGTH} characters, not only blanks, without control characters. */
    public static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= NAME_MAX_LENGTH && printable(name);
    }

    /** A description is optional; at most {@link #DESCRIPTION_MAX_LENGTH} characters without control characters. */
    public static boolean validDescription(String description) {
        return description == null || description.length() <= DESCRIPTION_MAX_LENGTH && printable(description);
    }

    private static boolean printable(String text) {
        return text.codePoints().noneMatch(Character::isISOControl);
    }
}
