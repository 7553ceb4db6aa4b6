package com.nettoria.command.catalogue.adapter.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code nettoria.catalogue.demo-vcenter.*}: where the demo catalogue's datacenter puts VMs in vCenter and which
 * templates its operating systems are cloned from. The defaults are the names VMware's vCenter simulator (vcsim)
 * gives its inventory; set them to a real vCenter's names to order demo VMs there.
 */
@ConfigurationProperties("nettoria.catalogue.demo-vcenter")
public record DemoCatalogueProperties(String datacenter,
                                      String cluster,
                                      String resourcePool,
                                      String folder,
                                      List<String> datastores,
                                      List<String> networks,
                                      String debianTemplate,
                                      String ubuntuTemplate) {

    public DemoCatalogueProperties {
        datacenter = orDefault(datacenter, "DC0");
        cluster = orDefault(cluster, "DC0_C0");
        resourcePool = blankToNull(resourcePool);
        folder = blankToNull(folder);
        datastores = datastores == null || datastores.isEmpty() ? List.of("LocalDS_0", "LocalDS_1") : List.copyOf(datastores);
        networks = networks == null || networks.isEmpty() ? List.of("DC0_DVPG0") : List.copyOf(networks);
        debianTemplate = orDefault(debianTemplate, "debian-12");
        ubuntuTemplate = orDefault(ubuntuTemplate, "ubuntu-24-04");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
