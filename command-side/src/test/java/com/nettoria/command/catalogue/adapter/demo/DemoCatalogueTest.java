package com.nettoria.command.catalogue.adapter.demo;

import com.nettoria.coreapi.catalogue.SaveDatacenterCommand;
import com.nettoria.coreapi.catalogue.SaveOperatingSystemCommand;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.nettoria.command.catalogue.adapter.demo.DemoCatalogue.TEHRAN;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo catalogue's saves place its datacenter and templates where the properties say (DemoCatalogueIT runs them). */
class DemoCatalogueTest {

    @Test
    void theVcenterPlacementAndTemplatesComeFromTheProperties() {
        List<Object> commands = demo(new DemoCatalogueProperties("Production", "Cluster-A", "Pool-1", "VMs/nettoria",
                List.of("SAN-1"), List.of("VLAN-20", "VLAN-21"), "tpl-debian", "tpl-ubuntu"));

        SaveDatacenterCommand datacenter = (SaveDatacenterCommand) commands.get(0);
        assertThat(datacenter.datacenter().id()).isEqualTo(TEHRAN);
        assertThat(datacenter.datacenter().placement()).isEqualTo(new VcenterPlacement("Production", "Cluster-A",
                "Pool-1", "VMs/nettoria", List.of("SAN-1"), List.of("VLAN-20", "VLAN-21")));
        assertThat(commands).filteredOn(SaveOperatingSystemCommand.class::isInstance)
                .extracting(command -> ((SaveOperatingSystemCommand) command).operatingSystem().templates())
                .containsExactly(Map.of(TEHRAN, "tpl-debian"), Map.of(TEHRAN, "tpl-ubuntu"));
    }

    private static List<Object> demo(DemoCatalogueProperties properties) {
        return new DemoCatalogue(null, null, properties).commands();
    }
}
