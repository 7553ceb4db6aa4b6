package com.nettoria.coreapi.catalogue;

import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An operating system as the catalogue offers it, with the vCenter template a VM is cloned from in each datacenter
 * that has one. Never deleted (orders refer to it); withdrawn by {@code orderable = false}.
 *
 * @param version   free text, e.g. {@code 12} or {@code 24.04 LTS}
 * @param templates the vCenter template per datacenter; a datacenter without one cannot run this system
 */
public record OperatingSystem(OperatingSystemId id,
                              String name,
                              String nameFa,
                              OperatingSystemFamily family,
                              String version,
                              Map<DatacenterId, String> templates,
                              boolean orderable) {

    public OperatingSystem {
        Objects.requireNonNull(id, "id");
        TreeMap<DatacenterId, String> sorted = new TreeMap<>(Comparator.comparing(DatacenterId::value));
        if (templates != null) {
            sorted.putAll(templates);
        }
        templates = Collections.unmodifiableMap(sorted);
    }

    /** The template to clone in {@code datacenter}, if this system has one there. */
    public Optional<String> templateIn(DatacenterId datacenter) {
        return Optional.ofNullable(templates.get(datacenter));
    }
}
