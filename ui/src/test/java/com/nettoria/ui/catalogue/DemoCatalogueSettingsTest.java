package com.nettoria.ui.catalogue;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalogue is on in the standalone default ({@code ./nettoria run}) and off in the profiles that run on a
 * real database or Axon Server, and in the tests' overrides (the command side's DemoCatalogueIT loads it).
 */
class DemoCatalogueSettingsTest {

    @Test
    void theStandaloneDefaultLoadsTheDemoCatalogueAndThePostgresAndAxonServerProfilesDoNot() throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));

        assertThat(documents.get(0).getProperty("nettoria.catalogue.demo")).hasToString("${NETTORIA_CATALOGUE_DEMO:true}");
        assertThat(documents.get(0).getProperty("nettoria.catalogue.demo-vcenter.cluster"))
                .hasToString("${NETTORIA_DEMO_VCENTER_CLUSTER:DC0_C0}");
        for (String profile : List.of("postgres", "axonserver")) {
            PropertySource<?> document = documents.stream()
                    .filter(source -> profile.equals(String.valueOf(source.getProperty("spring.config.activate.on-profile"))))
                    .findFirst().orElseThrow();
            assertThat(document.getProperty("nettoria.catalogue.demo")).as(profile).hasToString("false");
        }
    }

    @Test
    void theTestsStartWithoutTheDemoCatalogue() throws IOException {
        List<PropertySource<?>> overrides = new YamlPropertySourceLoader()
                .load("config/application.yml", new ClassPathResource("config/application.yml"));

        assertThat(overrides.get(0).getProperty("nettoria.catalogue.demo")).hasToString("false");
    }
}
