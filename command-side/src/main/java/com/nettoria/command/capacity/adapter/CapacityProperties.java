package com.nettoria.command.capacity.adapter;

import com.nettoria.command.capacity.OversubscriptionPolicy;
import com.nettoria.coreapi.capacity.Oversubscription;
import com.nettoria.coreapi.catalogue.DatacenterId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nettoria.capacity.*}: how much of each cluster the platform sells (docs/catalogue.md, "Capacity").
 *
 * @param cpuRatio    vCPUs sold per effective physical core (4: 4:1)
 * @param memoryRatio the share of the cluster's effective memory sold (1.0: no overcommit)
 * @param diskRatio   the share of the placement's datastores' size sold (1.0: no thin-provisioning overcommit)
 * @param datacenters ratios for particular catalogue datacenters, by id; a ratio left out there is the default
 */
@ConfigurationProperties("nettoria.capacity")
public record CapacityProperties(@DefaultValue("4") BigDecimal cpuRatio,
                                 @DefaultValue("1.0") BigDecimal memoryRatio,
                                 @DefaultValue("1.0") BigDecimal diskRatio,
                                 Map<String, Ratios> datacenters) {

    /** One datacenter's ratios; null ones are the defaults. */
    public record Ratios(BigDecimal cpuRatio, BigDecimal memoryRatio, BigDecimal diskRatio) {
    }

    /** The policy these properties describe; an invalid ratio stops the start with its property's name. */
    public OversubscriptionPolicy policy() {
        Oversubscription defaults = ratios("nettoria.capacity", cpuRatio, memoryRatio, diskRatio);
        Map<DatacenterId, Oversubscription> perDatacenter = new LinkedHashMap<>();
        if (datacenters != null) {
            datacenters.forEach((id, ratios) -> perDatacenter.put(new DatacenterId(id),
                    ratios("nettoria.capacity.datacenters." + id,
                            ratios.cpuRatio() == null ? cpuRatio : ratios.cpuRatio(),
                            ratios.memoryRatio() == null ? memoryRatio : ratios.memoryRatio(),
                            ratios.diskRatio() == null ? diskRatio : ratios.diskRatio())));
        }
        return new OversubscriptionPolicy(defaults, perDatacenter);
    }

    private static Oversubscription ratios(String prefix, BigDecimal cpu, BigDecimal memory, BigDecimal disk) {
        try {
            return new Oversubscription(cpu, memory, disk);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + ".*-ratio: " + e.getMessage(), e);
        }
    }
}
